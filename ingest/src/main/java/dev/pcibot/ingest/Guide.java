package dev.pcibot.ingest;

/**
 * One guide as listed in the manifest.
 *
 * @param id short stable id (the manifest key, e.g. {@code pve-admin-guide})
 * @param title what a reader calls it
 * @param originUrl where the guide lives on the web; section links are built from it
 * @param authority how far it is trusted
 * @param format how the file is written
 * @param file the file name, relative to the guides folder
 */
public record Guide(
        String id, String title, String originUrl, Authority authority, GuideFormat format, String file) {}

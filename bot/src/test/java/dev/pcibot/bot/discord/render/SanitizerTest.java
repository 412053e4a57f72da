package dev.pcibot.bot.discord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SanitizerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "@everyone help|@everyone",
        "hey @here|@here",
        "<@123456789012345678> look|<@1",
        "<@!123456789012345678> look|<@!",
        "<@&987654321098765432> role|<@&",
        "<#111222333444555666> channel|<#1",
        "</diagnose:123456> cmd|</diagnose",
    })
    void neutralisesEveryKindOfMention(String input, String mustVanish) {
        String out = Sanitizer.text(input);
        assertFalse(out.contains(mustVanish), out);
        assertEquals(input, out.replace("\u200b", ""), "reads the same once the invisible breaks are removed");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String line = "[    0.012345] DMAR: IOMMU enabled; vfio-pci 0000:01:00.0: enabling device (0000 -> 0003) <ok> a@b.c";
        assertEquals(line, Sanitizer.text(line));
    }

    @Test
    void codeBlockCannotBeClosedFromInside() {
        String block = Sanitizer.codeBlock("before\n```\n@everyone outside?\n````more\nend`");
        assertTrue(block.startsWith("```\n") && block.endsWith("\n```"));
        String inner = block.substring(4, block.length() - 4);
        assertFalse(inner.contains("```"), inner);
        assertFalse(inner.endsWith("`"), "a trailing backtick would join the closing fence");
        assertFalse(inner.contains("@everyone"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // lspci -vv
        "\tCapabilities: [100 v1] Device Serial Number 00-11-22-ff-ff-33-44-55|00-11-22-ff-ff-33-44-55",
        // dmidecode / smartctl
        "\tSerial Number: WD-WCC4N1234567|WD-WCC4N1234567",
        // USB in dmesg
        "[    2.1] usb 1-4: SerialNumber: 0123456789ABCDEF|0123456789ABCDEF",
        // MAC with colons and with dashes
        "[    3.2] igb 0000:03:00.0: eth0: (PCIe:5.0Gb/s:Width x4) a0:36:9f:12:34:56|a0:36:9f:12:34:56",
        "vmbr0 link/ether A0-36-9F-12-34-56 brd|A0-36-9F-12-34-56",
    })
    void scrubsSerialNumbersAndMacAddresses(String line, String secret) {
        String out = Sanitizer.scrub(line);
        assertFalse(out.contains(secret), out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80] (rev a1)",
        "[    0.000000] Linux version 6.8.12-4-pve (build@proxmox) #1 SMP PREEMPT_DYNAMIC",
        "pci 0000:00:01.0: [8086:1901] type 01 class 0x060400 PCIe Root Port",
        "DMAR: DRHD base: 0x000000fed90000 flags: 0x0",
        "vfio-pci 0000:0b:00.0: BAR 0: can't reserve [mem 0xfb000000-0xfbffffff]",
        "time 12:34:56:78 ms",
    })
    void keepsPciAddressesIdsAndHexThatAreNotMacs(String line) {
        assertEquals(line, Sanitizer.scrub(line));
    }
}

package dev.pcibot.bot.discord.render;

import dev.pcibot.kb.diagnose.Severity;

/** How a severity looks in Discord: a marker readable without colour, and the embed colour. */
enum SeverityStyle {
    BLOCKER("🛑 Blocker", 0xC62828),
    PROBLEM("🔴 Problem", 0xEF6C00),
    WARNING("⚠️ Warning", 0xF9A825),
    INFO("ℹ️ Info", 0x1565C0);

    final String label;
    final int color;

    SeverityStyle(String label, int color) {
        this.label = label;
        this.color = color;
    }

    static SeverityStyle of(Severity severity) {
        return valueOf(severity.name());
    }
}

package dev.pcibot.bot.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pcibot.kb.diagnose.DeviceView;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.NextStep;
import dev.pcibot.kb.diagnose.RecognizedPart;
import dev.pcibot.kb.search.Citation;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * Makes the kb's diagnosis records JSON as they are: kb stays free of Micronaut, so their
 * serialisers are generated here. The mixin keeps null and empty fields in the output, so every
 * client sees the same keys on every reply.
 */
@SerdeImport(value = Diagnosis.class, mixin = KbJson.AlwaysInclude.class)
@SerdeImport(value = RecognizedPart.class, mixin = KbJson.AlwaysInclude.class)
@SerdeImport(value = DeviceView.class, mixin = KbJson.AlwaysInclude.class)
@SerdeImport(value = Finding.class, mixin = KbJson.AlwaysInclude.class)
@SerdeImport(value = NextStep.class, mixin = KbJson.AlwaysInclude.class)
@SerdeImport(value = Citation.class, mixin = KbJson.AlwaysInclude.class)
final class KbJson {
    private KbJson() {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    interface AlwaysInclude {}
}

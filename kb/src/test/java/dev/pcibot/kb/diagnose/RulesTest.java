package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.rule.Rule;
import dev.pcibot.kb.diagnose.rule.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule has its user text and both kinds of golden case; the registry stays sorted. */
final class RulesTest {
    @Test
    void everyRuleHasItsTextAndFiringAndQuietCases() throws IOException {
        FindingTexts texts = new FindingTexts();
        for (Rule rule : Rules.ALL) {
            assertTrue(texts.get(rule.id()).isPresent(), "content/findings/" + rule.id() + ".md missing");
            Path cases = Path.of("src/test/resources/diagnose/cases", rule.id());
            try (Stream<Path> files = Files.list(cases)) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                assertTrue(names.stream().anyMatch(n -> n.startsWith("fires-")), rule.id() + " has no firing case");
                assertTrue(names.stream().anyMatch(n -> n.startsWith("quiet-")), rule.id() + " has no quiet case");
            }
        }
    }

    @Test
    void registryIsSortedAndHasOneRulePerId() {
        List<String> names = Rules.ALL.stream().map(r -> r.getClass().getSimpleName()).toList();
        assertEquals(names.stream().sorted().toList(), names, "keep Rules.ALL sorted");
        assertEquals(Rules.ALL.size(), Rules.ALL.stream().map(Rule::id).distinct().count());
    }

    @Test
    void everyFindingIdBelongsToAStepOfTheTree() {
        for (Rule rule : Rules.ALL) {
            assertTrue(Stage.orderOf(rule.id()) < Stage.values().length, rule.id() + " is in no Stage");
        }
        for (MessagePattern p : MessagePatterns.load()) {
            if (!p.isFact()) {
                assertTrue(Stage.orderOf(p.name()) < Stage.values().length, p.name() + " is in no Stage");
            }
        }
    }
}

package dev.hotloop.agent.options;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The user documentation ships with a clone: the README links into docs/, not beside the repository. */
class UserDocsTest {

    /** Surefire runs in the module's directory; the repository root is its parent. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void readmeLinksTheContractInTheRepositoryAndNothingOutsideIt() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertFalse(readme.contains("../shared/"), "the README sends readers outside the repository");
        assertTrue(readme.contains("(docs/contract.md)"), "the README does not link docs/contract.md");
        assertTrue(Files.isRegularFile(ROOT.resolve("docs/contract.md")), "docs/contract.md is missing");
    }

    @Test
    void theContractNamesEveryOptionAndHelpListsIt() throws IOException {
        String contract = Files.readString(ROOT.resolve("docs/contract.md"));
        String help = AgentOptions.help();
        for (String key : AgentOptions.KEYS) {
            assertTrue(contract.contains("| `" + key + "` |"), () -> "docs/contract.md has no row for option " + key);
            assertTrue(help.contains("\n  " + key + " "), () -> "--help does not list " + key + ":\n" + help);
        }
    }
}

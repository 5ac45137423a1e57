package io.kbguide.slack;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Text as Slack sends it, back to what the person wrote, before it is read. */
class SlackTextTest {

    @Test
    void shouldDropMentionsAndUndoSlacksEscapes() {
        assertEquals("x86 & SP2, /3GB <not set>", SlackChannel.plain("<@U0BOT> x86 &amp; SP2, /3GB &lt;not set&gt;"));
        assertEquals("see example.com and http://x.test/a", SlackChannel.plain(
                "see <http://example.com|example.com> and <http://x.test/a>"));
        assertEquals("hi", SlackChannel.plain("<!channel> hi <!here>"));
    }

    @Test
    void shouldKeepPastedOutputFromACodeBlock() {
        String pasted = "<@U0BOT> ```\nHKEY_LOCAL_MACHINE\\Software\\Neverfail\\R2\\HookRegistryDriver\n"
                + "    UseNewApi    REG_DWORD    0x0\n```";
        assertEquals("HKEY_LOCAL_MACHINE\\Software\\Neverfail\\R2\\HookRegistryDriver\n"
                + "    UseNewApi    REG_DWORD    0x0", SlackChannel.plain(pasted));
    }
}

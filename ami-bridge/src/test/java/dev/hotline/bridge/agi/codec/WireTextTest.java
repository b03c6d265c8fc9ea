package dev.hotline.bridge.agi.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireTextTest {

    @Test
    void controlCharactersAreShownEscapedAndPrintableTextAsItIs() {
        assertThat(WireText.visible("200\rresult=0\u0000\u001b[2J\t\\ 张三"))
                .isEqualTo("200\\rresult=0\\x00\\x1B[2J\\t\\\\ 张三");
    }

    @Test
    void aLongLineIsCutAndItsLengthGiven() {
        assertThat(WireText.visible("y".repeat(9000)))
                .isEqualTo("y".repeat(WireText.MAX_SHOWN) + "... (9000 chars)");
    }
}

package dev.hotline.bench.load;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.BaseAgiScript;

/**
 * {@link IvrScript} as an Asterisk-Java script: the same commands in the same order, each call blocking its pooled
 * thread until Asterisk replies. After the script, Asterisk-Java itself sends {@code SET VARIABLE AJ_AGISTATUS} and
 * closes the connection.
 */
final class AsteriskJavaIvrScript extends BaseAgiScript {

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        answer();
        getVariable("CALLERID(num)");
        setVariable("ACD_QUEUE", "sales");
        streamFile(IvrScript.PROMPT, IvrScript.ESCAPE_DIGITS);
        getData(IvrScript.PROMPT, IvrScript.DIGIT_TIMEOUT_MILLIS, IvrScript.MAX_DIGITS);
        streamFile(IvrScript.SECOND_PROMPT, IvrScript.ESCAPE_DIGITS);
        getVariable("ACD_QUEUE");
        setVariable("ACD_RESULT", "done");
        hangup();
    }
}

package dev.hotline.bridge.ami;

/** An AMI action could not be sent or answered because the connection to that Asterisk is down. */
public final class AmiUnavailableException extends RuntimeException {

    public AmiUnavailableException(String message) {
        super(message);
    }
}

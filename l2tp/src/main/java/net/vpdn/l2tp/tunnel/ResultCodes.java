package net.vpdn.l2tp.tunnel;

import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.avp.StopCcnResult;

/** Maps raw Result Code AVP values (RFC 2661 §4.4.2) onto the enums, keeping unknown values visible in text. */
final class ResultCodes {

    private ResultCodes() {
    }

    static TunnelAction.Closing closing(Avp.ResultCode rc, boolean byPeer) {
        StopCcnResult result = stopResult(rc.resultCode());
        ErrorCode error = rc.errorCode() < 0 ? ErrorCode.NO_GENERAL_ERROR : errorOrNone(rc.errorCode());
        boolean exact = result.code() == rc.resultCode() && (rc.errorCode() < 0 || error.code() == rc.errorCode());
        String message = exact ? rc.errorMessage()
                : rc.errorMessage() + " (result code " + rc.resultCode() + ", error code " + rc.errorCode() + ")";
        return new TunnelAction.Closing(result, error, message, byPeer);
    }

    static StopCcnResult stopResult(int code) {
        for (StopCcnResult r : StopCcnResult.values()) {
            if (r.code() == code) return r;
        }
        return StopCcnResult.GENERAL_ERROR;
    }

    /** The enum for a general error code, NO_GENERAL_ERROR for values without one (e.g. result 5's version). */
    static ErrorCode errorOrNone(int code) {
        for (ErrorCode e : ErrorCode.values()) {
            if (e.code() == code) return e;
        }
        return ErrorCode.NO_GENERAL_ERROR;
    }
}

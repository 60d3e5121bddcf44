package rw.ijwi.disclosure;

/**
 * How a figure of a release is shown, and what that tells a reader: EXACT the number; SMALL "&lt;k", any whole
 * count from 0 to k-1 (zeros are shown so too, so "&lt;k" never tells that someone reported); HIDDEN a count of
 * k or more that is held back to protect a small one (shown as the range anyone could work out anyway).
 */
public enum Shown {
    EXACT, SMALL, HIDDEN
}

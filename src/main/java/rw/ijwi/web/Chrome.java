package rw.ijwi.web;

import rw.ijwi.auth.User;

/** What every dashboard page needs around its content: title, who is signed in, the CSRF token, the words. */
public record Chrome(String title, String active, User user, String csrf, Messages.Words words) {

    public String t(String key) {
        return words.t(key);
    }

    public String lang() {
        return words.language();
    }

    public boolean signedIn() {
        return user != null;
    }
}

import Foundation
import Hummingbird

/// The app's cookies, all `HttpOnly; SameSite=Lax; Path=/`, plus `Secure` when served over TLS.
struct AppCookies: Sendable {
    static let session = "ethics_session"
    /// Pre-sign-in CSRF token (double submit) for the sign-in, setup and language forms.
    static let csrf = "ethics_csrf"
    /// A visitor's chosen language.
    static let language = "ethics_lang"

    let secure: Bool

    func make(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func expired(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}

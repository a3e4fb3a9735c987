/// Redirect targets come only from our own relative paths, never from an absolute or scheme-relative URL.
/// Browsers drop TAB, CR and LF inside a URL and read `\` as `/`, so `/\t/host` or `/\host` means `//host`:
/// a target is one `/`, then a path character, then printable ASCII only, with no backslash anywhere.
enum SafeRedirect {
    static func relative(_ target: String?) -> String? {
        guard let target, target.first == "/" else { return nil }
        let scalars = Array(target.unicodeScalars)
        // Printable ASCII without space or backslash: no control character, nothing a browser strips or rewrites.
        guard scalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" }) else { return nil }
        if scalars.count == 1 { return target }
        // The second character starts a path segment, a query or a fragment: never a second slash.
        let second = scalars[1]
        guard second != "/", pathStart.contains(second) else { return nil }
        return target
    }

    /// RFC 3986 `pchar` (unreserved, `%`, sub-delims, `:`, `@`) plus `?` and `#`.
    private static let pathStart = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%!$&'()*+,;=:@?#".unicodeScalars)
}

import Foundation

/// The guessable shapes a list of common passwords misses: `aaaaaaaa`, `abcabcabc`, `13579bdf`,
/// `Password2026`, `azerty2026!`, `AdaLovelace1815`.
enum WeakPasswords {
    /// Lower case, accents folded, so `Éthique` and `ethique` compare equal.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    /// Few distinct characters, one short unit repeated, or a run with a constant small step (`abcdefgh`, `86420`…).
    static func isTrivial(_ password: String) -> Bool {
        let scalars = Array(folded(password).unicodeScalars)
        if Set(scalars).count <= 3 { return true }
        let n = scalars.count
        for unit in 1...max(1, n / 2) where n % unit == 0 {
            if (unit..<n).allSatisfy({ scalars[$0] == scalars[$0 - unit] }) { return true }
        }
        let steps = zip(scalars.dropFirst(), scalars).map { Int($0.value) - Int($1.value) }
        return Set(steps).count == 1 && abs(steps[0]) <= 2
    }

    /// A common password or word with only digits and symbols before or after it: `Password2026`, `!azerty2026`.
    static func isCommonWordWithDecoration(_ password: String) -> Bool {
        let core = folded(password).trimmingCharacters(in: CharacterSet.letters.inverted)
        return !core.isEmpty && (core.count < 4 || words.contains(core) || CommonPasswords.contains(core))
    }

    /// Once the parts of the e-mail address (local part and domain) and of the name are removed, at most
    /// three letters are left: `ada.lovelace@example.org` may not use `Lovelace!Ada1815`.
    static func isBuiltFrom(_ password: String, email: String, name: String) -> Bool {
        let separators = CharacterSet.alphanumerics.inverted
        let parts = (folded(email).components(separatedBy: separators) + folded(name).components(separatedBy: separators))
            .filter { $0.count >= 3 }
            .sorted { $0.count > $1.count }  // longest first, so "ada" does not cut "adam" short
        guard !parts.isEmpty else { return false }
        var rest = folded(password)
        for part in parts { rest = rest.replacingOccurrences(of: part, with: "") }
        return rest.unicodeScalars.filter(CharacterSet.letters.contains).count <= 3
    }

    /// Words people decorate with a year or a digit (English and French), beyond the common-password list.
    private static let words: Set<String> = [
        "password", "passwort", "motdepasse", "azerty", "qwerty", "qwertz", "azertyuiop", "qwertyuiop", "welcome",
        "bienvenue", "bonjour", "soleil", "hello", "admin", "administrator", "letmein", "secret", "summer", "winter",
        "spring", "autumn", "ete", "hiver", "printemps", "automne", "ethics", "ethique", "comite", "committee",
        "company", "acme", "monkey", "dragon", "master", "shadow", "football", "iloveyou", "jetaime", "sunshine",
        "princess", "abcdef", "abcdefgh", "changeme", "login", "user", "test", "demo", "janvier", "fevrier", "mars",
        "avril", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december",
    ]
}

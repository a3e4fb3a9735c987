/// French typography applied once to the whole French catalogue, so no string has to get it right by hand
/// (and a new one cannot get it wrong): a narrow no-break space (U+202F) before « : ; ! ? % » and inside
/// guillemets, where a translator typed a plain space or none, and the typographic apostrophe.
/// User content never passes here: only the catalogue does.
enum FrenchTypography {
    static let narrow: Character = "\u{202F}"

    static func apply(_ text: String) -> String {
        var out: [Character] = []
        out.reserveCapacity(text.count + 8)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case ":", ";", "!", "?", "%", "»":
                if let last = out.last, last == " " || last == "\u{00A0}" {
                    out[out.count - 1] = narrow
                } else if let last = out.last, last != narrow, last.isLetter || last.isNumber || last == "}" || last == "»" || last == ")",
                          character == "»" || next == nil || next!.isWhitespace {
                    // "14:00", "https://" and "?page=" are left alone: only a sign that ends a word gets its space.
                    out.append(narrow)
                }
                out.append(character)
            case "«":
                out.append(character)
                if next != nil && next != " " && next != "\u{00A0}" && next != narrow { out.append(narrow) }
            case " " where out.last == "«":
                out.append(narrow)
            case "'":
                // An apostrophe follows a letter (l'avis, aujourd'hui); a quote mark elsewhere is left as typed.
                out.append(out.last?.isLetter == true ? "\u{2019}" : character)
            default:
                out.append(character)
            }
        }
        return String(out)
    }
}

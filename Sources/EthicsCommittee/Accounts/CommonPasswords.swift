/// Passwords of 8+ characters found at the top of public breach-frequency lists (English and French
/// speakers), compared without case. Shorter ones are refused by the length rule already.
enum CommonPasswords {
    static func contains(_ password: String) -> Bool { list.contains(password.lowercased()) }

    private static let list: Set<String> = [
        "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword",
        "12345678", "123456789", "1234567890", "12345678910", "0123456789", "87654321", "98765432", "11111111",
        "00000000", "88888888", "66666666", "12341234", "11223344", "12121212", "123123123", "123321123",
        "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "zaq12wsx", "qwertyui", "qwertyuiop", "qwerty123", "qwerty12",
        "qwerty1234", "azertyui", "azertyuiop", "azerty123", "azerty12", "asdfghjk", "asdfghjkl", "zxcvbnm1",
        "abc12345", "abcd1234", "abcdefgh", "a1b2c3d4", "aa123456", "iloveyou", "iloveyou1", "sunshine",
        "princess", "football", "baseball", "basketball", "welcome1", "welcome123", "trustno1", "superman",
        "starwars", "whatever", "computer", "michelle", "jennifer", "corvette", "mercedes", "liverpool",
        "chelsea1", "arsenal1", "letmein1", "letmein123", "monkey123", "dragon123", "master123", "shadow123",
        "football1", "baseball1", "jordan23", "michael1", "charlie1", "freedom1", "maverick", "mustang1",
        "qazwsxedc", "q1w2e3r4", "q1w2e3r4t5", "passpass", "changeme", "changeme1", "administrator",
        "admin123", "admin1234", "adminadmin", "rootroot", "toortoor", "welcome2024", "welcome2025",
        "welcome2026", "summer2024", "summer2025", "summer2026", "winter2025", "winter2026", "spring2026",
        "autumn2026", "motdepasse", "motdepasse1", "motdepasse123", "soleil123", "bonjour1", "bonjour123",
        "doudou123", "chouchou", "loulou123", "nicolas1", "marseille", "marseille13", "allezlom", "azerty1234",
        "jetaime1", "jetaime123", "coucou123", "doudoune", "chocolat", "vacances", "papillon", "printemps",
        "ethics123", "committee", "company123", "secret123", "secret12", "letmein!", "password!", "iloveu123",
    ]
}

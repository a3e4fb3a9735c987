/// When a declared interest matches a case: the one rule, used to flag a reviewer candidate and to ask a written
/// procedure's voter to declare they have no conflict. A current (not withdrawn) interest matches when its
/// organisation names the case's submitting team or vendor, or is named by them (case-insensitive, either way
/// round, empty names never match). Its SQL copy is `MemberStore.matchingInterest`; tests check both agree.
enum InterestMatch {
    /// The rule for one interest.
    static func matches(organisation: String, team: String, vendor: String) -> Bool {
        let organisation = organisation.lowercased()
        return [team, vendor].contains { name in
            let name = name.lowercased()
            return !name.isEmpty && (name.contains(organisation) || organisation.contains(name))
        }
    }
}

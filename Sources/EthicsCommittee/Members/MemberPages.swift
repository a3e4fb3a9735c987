/// View models of the members' pages: stored properties only (templates read them by reflection).
struct MemberRow: Sendable {
    let href: String
    let name: String
    let affiliation: String
    let position: String?
    let kind: String
    let external: Bool
    let voting: Bool
    let expertise: String
    let termEnd: String?
    let declarationDue: Bool
}

struct CoverageRow: Sendable {
    let area: String
    let count: Int
    let empty: Bool
}

struct CompositionPage: Sendable {
    /// False for external experts: they get the directory only.
    let full: Bool
    let seatedCount: Int
    let seatedLabel: String
    /// The external members' share of the seats, as the reader writes a percentage.
    let externalShare: String
    let votingCount: Int
    let votingLabel: String
    let members: [MemberRow]
    let coverage: [CoverageRow]
    let uncovered: String?
    let termsEndingSoon: [MemberRow]
    let termsEndingMore: String?
    let declarationsDue: [MemberRow]
    let declarationsDueMore: String?
    let former: [MemberRow]
    let hasFormer: Bool
    let formerMore: String?
    let pageNumber: Int
    let pageCount: Int
    let hasPages: Bool
    let previous: String?
    let next: String?
    let canInvite: Bool
    let newInvitation: String
    let invitations: [PendingInvitation]
    let hasInvitations: Bool

    struct PendingInvitation: Sendable {
        let href: String
        let email: String
        let role: String
        let expires: String
        let expired: Bool
    }
}

struct InterestRow: Sendable {
    let organisation: String
    let nature: String
    let since: String?
    let withdrawn: String?
    let withdrawAction: String?
}

struct MemberPage: Sendable {
    let name: String
    let role: String
    let affiliation: String
    let kind: String
    let position: String?
    let voting: Bool
    let expertise: String
    let termStart: String?
    let termEnd: String?
    let active: Bool
    /// E-mail, interests and declaration: hidden from other external experts.
    let showPrivate: Bool
    let email: String
    let interests: [InterestRow]
    let hasInterests: Bool
    let declarationSigned: String?
    let declarationVersion: Int?
    let declarationDue: Bool
    let isSelf: Bool
    let canEditProfile: Bool
    let profileHref: String
    let interestAction: String?
    let declarationAction: String?
    let declarationHTML: String
    var seat: SeatForm?
    var interestForm = InterestForm()
    var declarationError: String?
}

struct InterestForm: Sendable {
    var organisation = ""
    var nature = ""
    var since = ""
    var errors: [String: String] = [:]
}

struct SeatForm: Sendable {
    let action: String
    var external: Bool
    var voting: Bool
    var termStart: String
    var termEnd: String
    var positions: [Choice]
    var errors: [String: String] = [:]
}

struct ProfileForm: Sendable {
    let action: String
    let name: String
    var affiliation: String
    var areas: [Choice]
    var titleForms: [Choice]
    var errors: [String: String] = [:]
}

struct WelcomePage: Sendable {
    let action: String
    let name: String
    let role: String
    var affiliation: String
    var areas: [Choice]
    let declarationHTML: String
    let declarationVersion: Int
    var errors: [String: String] = [:]
}

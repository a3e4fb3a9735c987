/// A status tab above a list (the register of systems, the incidents): where it leads, its label, how many records it
/// holds (already formatted for the reader's language) and whether it is the one shown. One type for every such list,
/// so the tabs look and read the same everywhere.
struct StatusTab: Sendable {
    let href: String
    let label: String
    let count: String
    let current: Bool
}

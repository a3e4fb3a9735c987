/// One option of a select, radio group or checkbox list, as templates render it.
struct Choice: Sendable {
    let value: String
    let label: String
    let selected: Bool
}

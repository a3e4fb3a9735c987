/// One option of a select, radio group or checkbox list, as templates render it.
struct Choice: Sendable {
    let value: String
    let label: String
    let selected: Bool
    /// In a group of radios: the group's element id and field name, which each option's input needs
    /// (a compiled template reads only the value it is in, not the question around it).
    var groupId = ""
    var groupName = ""

    init(value: String, label: String, selected: Bool) {
        self.value = value
        self.label = label
        self.selected = selected
    }

    func inGroup(id: String, name: String) -> Choice {
        var choice = self
        choice.groupId = id
        choice.groupName = name
        return choice
    }
}

extension Array where Element == Choice {
    func inGroup(id: String, name: String) -> [Choice] { map { $0.inGroup(id: id, name: name) } }
}

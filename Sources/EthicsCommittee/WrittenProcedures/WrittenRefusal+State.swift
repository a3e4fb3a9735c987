/// A written procedure's refusal (closed meanwhile, already voted…) answers 409 with its message when a handler
/// does not show it on the page.
extension WrittenRefusal: StateRefusal {}

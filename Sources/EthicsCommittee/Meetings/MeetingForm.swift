import Foundation

/// The form that plans or changes a meeting: decoded, checked, and turned into a draft. A planned meeting
/// lies in the future, when it is created and when it is changed.
struct MeetingForm {
    let title: String
    let local: String
    let duration: String
    let place: String
    let videoURL: String
    let invited: [Int64]

    /// `committee`: who may be invited; anyone else in the form is dropped.
    init(_ form: FormFields, committee: Set<Int64>) {
        title = form["title"]; local = form["starts_at"]; duration = form["duration"]; place = form["place"]; videoURL = form["video_url"]
        invited = form.choices("invitees") { RequestNumber.id($0) }.filter(committee.contains)
    }

    /// The draft, or the messages by field.
    func validate(formats: Formats) -> (MeetingDraft?, FieldErrors) {
        var errors = FieldErrors()
        if let problem = Validate.text(title, max: 200) { errors.add("title", problem) }
        let startsAt = formats.storedTimestamp(fromLocal: local)
        if startsAt == nil { errors.add("starts_at", .meeting_error_when) }
        // A meeting is planned for the future: one dated now or earlier would be held before its agenda exists.
        if let startsAt, startsAt <= Timestamp.string(formats.clock.now) { errors.add("starts_at", .meeting_error_past) }
        let minutes = Int(duration) ?? 0
        if !(15...720).contains(minutes) { errors.add("duration", .meeting_error_duration) }
        if place.isEmpty && videoURL.isEmpty { errors.add("place", .meeting_error_where) }
        if let problem = Validate.text(place, max: 300, required: false) { errors.add("place", problem) }
        if !videoURL.isEmpty && !VideoLink.isValid(videoURL) { errors.add("video_url", .meeting_error_video) }
        if invited.isEmpty { errors.add("invitees", .meeting_error_invitees) }
        guard errors.isEmpty, let startsAt else { return (nil, errors) }
        return (MeetingDraft(title: title, startsAt: startsAt, duration: minutes, place: place, videoURL: videoURL, invitees: invited), errors)
    }
}

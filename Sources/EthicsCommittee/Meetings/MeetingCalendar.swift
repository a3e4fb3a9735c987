import Foundation

/// A meeting as an iCalendar file (RFC 5545): UTC times, escaped text, lines folded at 75 octets, CRLF.
/// One UID per meeting and a SEQUENCE raised by every change (RFC 5546 3.2), so a calendar updates the event
/// it has instead of adding another; a cancelled meeting is a METHOD:CANCEL with STATUS:CANCELLED.
enum MeetingCalendar {
    static func ics(_ meeting: Meeting, committee: String, host: String, now: Date) -> String {
        let start = Timestamp.date(meeting.startsAt) ?? now
        let end = start.addingTimeInterval(Double(meeting.duration) * 60)
        let cancelled = meeting.status == .cancelled
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ethics Committee//Meetings//EN", "CALSCALE:GREGORIAN",
            cancelled ? "METHOD:CANCEL" : "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:meeting-\(meeting.id)@\(escape(host))",
            "SEQUENCE:\(meeting.sequence)",
            "DTSTAMP:\(utc(now))", "DTSTART:\(utc(start))", "DTEND:\(utc(end))",
            "SUMMARY:\(escape(committee + " — " + meeting.title))",
        ]
        if !meeting.place.isEmpty { lines.append("LOCATION:\(escape(meeting.place))") }
        // Checked again here: a row saved before the form refused CR/LF must not add lines to the file.
        if VideoLink.isValid(meeting.videoURL) {
            lines.append("URL:\(meeting.videoURL)")
            lines.append("DESCRIPTION:\(escape(meeting.videoURL))")
        }
        lines.append(cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED")
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// 20261124T130000Z
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline; other control characters,
    /// which TEXT may not hold, are dropped.
    static func escape(_ text: String) -> String {
        let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            scalar == "\n" || scalar == "\r" || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
        }))
        return kept.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\n")
    }

    /// Folds a content line at 75 octets without splitting a UTF-8 character.
    static func fold(_ line: String) -> String {
        var result = "", count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 { result += "\r\n "; count = 1 }
            result.append(character); count += size
        }
        return result
    }
}

public import BuurtstemCore
public import Statuut

/// The board's calendar as documents: a plain list and an iCalendar file (RFC 5545).
extension Deadlines {
    /// A plain list, one deadline a line.
    public static func text(_ deadlines: [Deadline], in language: Language) -> String {
        deadlines.map { "\($0.date)  \($0.what.text(in: language))  (\($0.source.cited(in: language)))" }.joined(separator: "\n")
            + (deadlines.isEmpty ? Catalogue.text("calendarNoDeadlines", language) : "") + "\n"
    }

    /// An iCalendar file (RFC 5545) with an all-day event per deadline; `stamp` is the DTSTAMP.
    public static func ics(_ deadlines: [Deadline], association: String, stamp: Moment, in language: Language) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Buurtstem//Termijnen//NL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(Catalogue.text("calendarName", language, ["association": association])),
        ]
        let dtstamp = String(stamp.description.filter { $0 != "-" && $0 != ":" })
        for d in deadlines {
            let day = String(d.date.description.filter { $0 != "-" })
            let next = String(d.date.adding(days: 1).description.filter { $0 != "-" })
            lines += [
                "BEGIN:VEVENT", "UID:\(escape(d.uid))@buurtstem", "DTSTAMP:\(dtstamp)", "DTSTART;VALUE=DATE:\(day)", "DTEND;VALUE=DATE:\(next)",
                "SUMMARY:" + escape(d.what.text(in: language)), "DESCRIPTION:" + escape(d.source.cited(in: language)), "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Text values escape backslash, semicolon, comma and newline.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space (never inside a character).
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for c in line {
            let size = String(c).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(c)
            count += size
        }
        return out
    }
}

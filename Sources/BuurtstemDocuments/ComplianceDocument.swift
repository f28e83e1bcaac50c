public import BuurtstemCore
public import Statuut

extension ComplianceReport {
    static let order: [Finding.Status] = [.broken, .atRisk, .notYetDue, .kept]
    static let marks: [Finding.Status: String] = [.broken: "✗", .atRisk: "!", .notYetDue: "…", .kept: "✓"]

    func title(in language: Language) -> String {
        let values = ["association": association, "on": on.description, "year": year.map(String.init) ?? ""]
        return Catalogue.text(year == nil ? "reportTitle" : "reportTitleYear", language, values)
    }

    func summary(in language: Language) -> String {
        Self.order.map { "\(count($0)) \($0.name(in: language))" }.joined(separator: ", ")
    }

    /// Plain text for a terminal or an e-mail from cron: the broken and at-risk first.
    public func text(in language: Language) -> String {
        var out = title(in: language) + "\n" + summary(in: language) + "\n"
        for status in Self.order {
            let items = findings.filter { $0.status == status }
            guard !items.isEmpty else { continue }
            out += "\n\(status.name(in: language).uppercased()) (\(items.count))\n"
            for f in items {
                let about = f.about.map { Self.capitalised($0.text(in: language)) + ": " } ?? ""
                out += "  \(Self.marks[status]!) \(about)\(f.obligation.text(in: language)) — \(f.source.cited(in: language))\n"
                out += "      \(Catalogue.text("reportEvidence", language)): \(f.evidence.text(in: language))\n"
                if let deadline = f.deadline { out += "      \(Catalogue.text("reportActBy", language)): \(deadline)\n" }
            }
        }
        return out
    }

    /// JSON (`buurtstem.compliance/1`), both languages.
    public func json() -> JSONValue {
        func both(_ b: Bilingual) -> JSONValue { .object(["nl": .string(b.nl), "en": .string(b.en)]) }
        return .object([
            "schema": .string("buurtstem.compliance/1"),
            "association": .string(association),
            "on": .string(on.description),
            "year": year.map { .int($0) } ?? .null,
            "exitCode": .int(Int(exitCode)),
            "counts": .object(Dictionary(uniqueKeysWithValues: Finding.Status.allCases.map { ($0.rawValue, JSONValue.int(count($0))) })),
            "findings": .array(
                findings.map { f in
                    .object([
                        "rule": .string(f.rule), "subject": .string(f.subject), "status": .string(f.status.rawValue),
                        "obligation": both(f.obligation), "evidence": both(f.evidence),
                        "source": .object(["nl": .string(f.source.cited(in: .nl)), "en": .string(f.source.cited(in: .en))]),
                        "deadline": f.deadline.map { .string($0.description) } ?? .null,
                        "about": f.about.map(both) ?? .null,
                    ])
                }),
        ])
    }

    /// What the templates show: the title, the summary, and per status its findings.
    func context(in language: Language) -> [String: Any] {
        let groups: [[String: Any]] = Self.order.compactMap { status in
            let items = findings.filter { $0.status == status }
            guard !items.isEmpty else { return nil }
            let name = status.name(in: language)
            return [
                "status": status.rawValue, "heading": name.prefix(1).uppercased() + name.dropFirst(), "count": items.count,
                "findings": items.map { f -> [String: Any] in
                    [
                        "mark": Self.marks[status]!, "obligation": f.obligation.text(in: language), "source": f.source.cited(in: language),
                        "evidence": f.evidence.text(in: language), "deadline": f.deadline.map { [$0.description] } ?? [],
                        "actBy": Catalogue.text("reportActByHeading", language),
                        "about": f.about.map { [Self.capitalised($0.text(in: language))] } ?? [],
                    ]
                },
            ]
        }
        return ["title": title(in: language), "summary": summary(in: language), "language": language.rawValue, "groups": groups]
    }

    /// A text with its first letter a capital ("vergadering van …" at the start of a line).
    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// The report as an HTML fragment (a table per status), for the board page (template `compliance-body`).
    public func htmlBody(in language: Language) -> String {
        DocumentTemplates.render("compliance-body", context(in: language))
    }

    /// A whole printable HTML document (template `compliance`).
    public func html(in language: Language) -> String {
        DocumentTemplates.render("compliance", context(in: language))
    }
}

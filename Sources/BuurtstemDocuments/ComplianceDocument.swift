public import BuurtstemCore
public import Statuut

extension ComplianceReport {
    static let order: [Finding.Status] = [.broken, .atRisk, .notYetDue, .kept]
    static let marks: [Finding.Status: String] = [.broken: "✗", .atRisk: "!", .notYetDue: "…", .kept: "✓"]

    func title(in language: Language) -> String {
        let scope = year.map { language == .nl ? " over \($0)" : " for \($0)" } ?? ""
        return language == .nl ? "Naleving van het statuut — \(association)\(scope), op \(on)"
                               : "Compliance with the statute — \(association)\(scope), on \(on)"
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
                out += "  \(Self.marks[status]!) \(f.obligation.text(in: language)) — \(f.source.cited(in: language))\n"
                out += "      \(language == .nl ? "bewijs" : "evidence"): \(f.evidence.text(in: language))\n"
                if let deadline = f.deadline { out += "      \(language == .nl ? "uiterlijk" : "act by"): \(deadline)\n" }
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
            "findings": .array(findings.map { f in
                .object([
                    "rule": .string(f.rule), "subject": .string(f.subject), "status": .string(f.status.rawValue),
                    "obligation": both(f.obligation), "evidence": both(f.evidence),
                    "source": .object(["nl": .string(f.source.cited(in: .nl)), "en": .string(f.source.cited(in: .en))]),
                    "deadline": f.deadline.map { .string($0.description) } ?? .null,
                ])
            }),
        ])
    }

    /// The report as an HTML fragment (a table per status), for the board page and the file.
    public func htmlBody(in language: Language) -> String {
        var out = "<h1>\(HTMLText.escape(title(in: language)))</h1>\n<p class=\"summary\">\(HTMLText.escape(summary(in: language)))</p>\n"
        for status in Self.order {
            let items = findings.filter { $0.status == status }
            guard !items.isEmpty else { continue }
            out += "<h2 class=\"\(status.rawValue)\">\(HTMLText.escape(status.name(in: language).prefix(1).uppercased() + status.name(in: language).dropFirst())) (\(items.count))</h2>\n<table class=\"\(status.rawValue)\"><tbody>\n"
            for f in items {
                out += "<tr><td>\(Self.marks[status]!)</td><td><strong>\(HTMLText.escape(f.obligation.text(in: language)))</strong><br>"
                    + "<small>\(HTMLText.escape(f.source.cited(in: language)))</small><br>\(HTMLText.escape(f.evidence.text(in: language)))"
                    + (f.deadline.map { "<br><strong>\(language == .nl ? "Uiterlijk" : "Act by") \($0)</strong>" } ?? "") + "</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        return out
    }

    /// A whole printable HTML document.
    public func html(in language: Language) -> String {
        """
        <!doctype html>
        <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title(in: language)))</title>
        <style>
        body { font: 16px/1.45 system-ui, sans-serif; max-width: 50rem; margin: 1rem auto; padding: 0 1rem; color: #1b1b1b; }
        table { border-collapse: collapse; width: 100%; } td { vertical-align: top; padding: .4rem; border-bottom: 1px solid #ddd; }
        h2.broken { color: #8a1c1c; } h2.at-risk { color: #8a5a00; } h2.kept { color: #146c2e; }
        @page { size: A4; margin: 18mm; }
        </style></head><body>
        \(htmlBody(in: language))</body></html>
        """
    }
}

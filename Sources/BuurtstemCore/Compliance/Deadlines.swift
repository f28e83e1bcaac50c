public import Statuut

/// One upcoming deadline for the board's calendar.
public struct Deadline: Sendable, Hashable {
    public var date: CivilDate
    public var what: Bilingual
    public var source: Provenance
    /// Stable across runs, so a subscribed calendar updates rather than duplicates.
    public var uid: String
}

/// The board's calendar: every upcoming deadline, from the assemblies planned and from what the
/// compliance check says must still happen.
public enum Deadlines {
    public static func upcoming(_ facts: ComplianceFacts, from day: CivilDate) -> [Deadline] {
        var list: [Deadline] = []
        for fact in facts.assemblies where fact.assembly.date >= day {
            let a = fact.assembly
            let statute = facts.statute(on: a.date)
            let rules = AssemblyRules(statute: statute)
            let notice = rules.notice(for: a.agendaKinds)
            list.append(
                Deadline(
                    date: a.date, what: Bilingual("Algemene vergadering in \(a.place)", "General assembly at \(a.place)"),
                    source: statute.assembliesPerYear.source, uid: "assembly-\(a.id)"))
            if a.calledOn == nil {
                list.append(
                    Deadline(
                        date: a.date.adding(days: -notice.value),
                        what: Bilingual(
                            "Laatste dag om de vergadering van \(a.date) bijeen te roepen (\(notice.value) dagen)",
                            "Last day to call the assembly of \(a.date) (\(notice.value) days)"),
                        source: notice.source, uid: "assembly-\(a.id)-call"))
            }
            if let reference = a.referenceDate ?? (a.calledOn == nil ? rules.referenceDate(for: a.date, calledOn: a.date.adding(days: -notice.value)) : nil) {
                list.append(
                    Deadline(
                        date: reference, what: Bilingual("Peildatum voor de vergadering van \(a.date)", "Reference date for the assembly of \(a.date)"),
                        source: statute.referenceDate.source, uid: "assembly-\(a.id)-reference"))
            }
            if let days = statute.proposalDeadlineDays.value {
                list.append(
                    Deadline(
                        date: a.date.adding(days: -days),
                        what: Bilingual("Laatste dag om voorstellen in te dienen voor \(a.date)", "Last day to submit proposals for \(a.date)"),
                        source: statute.proposalDeadlineDays.source, uid: "assembly-\(a.id)-proposals"))
            }
            for kind in a.agendaKinds.compactMap(statute.decisionKind(named:)) {
                if let days = kind.inspectionDays.value {
                    list.append(
                        Deadline(
                            date: a.date.adding(days: -days),
                            what: Bilingual(
                                "\(kind.name): de tekst uiterlijk vandaag ter inzage leggen (vergadering \(a.date))",
                                "\(kind.name): lay the text open for inspection by today (assembly \(a.date))"),
                            source: kind.inspectionDays.source, uid: "assembly-\(a.id)-inspection-\(kind.name)"))
                }
            }
        }
        // A statute version adopted but not yet in force waits for its own date.
        for version in facts.versions where version.validFrom > day {
            let label = version.statute.versionLabel.map { " \($0)" } ?? ""
            list.append(
                Deadline(
                    date: version.validFrom,
                    what: Bilingual("Statuutversie\(label) van kracht", "Statute version\(label) takes effect"),
                    source: .header, uid: "statute-\(version.validFrom)"))
        }
        for finding in Compliance.check(facts, on: day).findings where finding.status != .kept && finding.status != .broken {
            guard let date = finding.deadline else { continue }
            list.append(Deadline(date: date, what: finding.obligation, source: finding.source, uid: "\(finding.rule)-\(finding.subject)"))
        }
        // What the coming year asks is due too (in December the calendar is not empty): this year's
        // annual accounts, and next year's assemblies.
        for finding in Compliance.accounts(facts, of: day.year, on: day) where finding.status == .notYetDue || finding.status == .atRisk {
            guard let date = finding.deadline, !list.contains(where: { $0.uid == "\(finding.rule)-\(finding.subject)" }) else { continue }
            list.append(Deadline(date: date, what: finding.obligation, source: finding.source, uid: "\(finding.rule)-\(finding.subject)"))
        }
        if let nextYear = CivilDate(year: day.year + 1, month: 1, day: 1), let yearEnd = CivilDate(year: day.year + 1, month: 12, day: 31) {
            let statute = facts.statute(on: nextYear)
            let required = statute.assembliesPerYear.value
            let planned = facts.assemblies.filter { $0.assembly.date.year == day.year + 1 }.count
            list.append(
                Deadline(
                    date: yearEnd,
                    what: Bilingual(
                        "Ten minste \(required) algemene vergaderingen in \(day.year + 1) (\(planned) gepland)",
                        "At least \(required) general assemblies in \(day.year + 1) (\(planned) planned)"),
                    source: statute.assembliesPerYear.source, uid: "assemblies-per-year-\(day.year + 1)"))
        }
        return list.filter { $0.date >= day }.sorted { ($0.date, $0.uid) < ($1.date, $1.uid) }
    }
}

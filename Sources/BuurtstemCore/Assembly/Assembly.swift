public import Statuut

/// A general assembly and where it stands: scheduled → called (notice sent) → open → closed.
public struct Assembly: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable, CaseIterable { case scheduled, called, open, closed }

    public var id: AssemblyID
    public var date: CivilDate
    public var place: String
    public var state: State
    /// The day the notice went out.
    public var calledOn: CivilDate?
    /// The day the electorate is frozen on (set when the assembly is called).
    public var referenceDate: CivilDate?
    /// The kinds of decision on the agenda (they may need a longer notice, e.g. an amendment).
    public var agendaKinds: [String]
    /// For a second meeting: the assembly whose items that failed for lack of quorum it decides without quorum.
    public var secondMeetingOf: AssemblyID?

    public init(
        id: AssemblyID, date: CivilDate, place: String, state: State = .scheduled, calledOn: CivilDate? = nil,
        referenceDate: CivilDate? = nil, agendaKinds: [String] = [], secondMeetingOf: AssemblyID? = nil
    ) {
        self.secondMeetingOf = secondMeetingOf
        self.id = id
        self.date = date
        self.place = place
        self.state = state
        self.calledOn = calledOn
        self.referenceDate = referenceDate
        self.agendaKinds = agendaKinds
    }
}

extension Assembly {
    /// Whether this assembly takes `proposal` without quorum: it is a second meeting and the
    /// proposal was carried to it from the first (`tweede vergadering … zonder quorum`).
    public func decidesWithoutQuorum(_ proposal: Proposal) -> Bool {
        secondMeetingOf != nil && proposal.carriedFrom != nil
    }
}

/// Members' demand for an assembly (BW 2:41 or the statute), and the day by which the board must call it.
public struct AssemblyDemand: Sendable, Hashable {
    public var receivedOn: CivilDate
    public var supporters: Int
    /// The last day the board may call the assembly; after it the members may call it themselves.
    public var callBy: CivilDate

    public init(receivedOn: CivilDate, supporters: Int, callBy: CivilDate) {
        self.receivedOn = receivedOn
        self.supporters = supporters
        self.callBy = callBy
    }
}

/// The statute's rules for assemblies, as pure functions that return the next state or refuse.
public struct AssemblyRules: Sendable {
    public let statute: Statute

    public init(statute: Statute) { self.statute = statute }

    /// The notice period for an assembly with these kinds of decision on its agenda (the longest applies).
    public func notice(for kinds: [String]) -> Cited<Int> {
        var best = statute.noticeDays
        for kind in kinds {
            if let k = statute.decisionKind(named: kind), k.noticeDays.value > best.value { best = k.noticeDays }
        }
        return best
    }

    /// Plans an assembly. Refuses a date in the past, or one that can no longer be called in
    /// time; advises about the longest gap between assemblies.
    public func schedule(
        id: AssemblyID, date: CivilDate, place: String, today: CivilDate, agendaKinds: [String] = [],
        existing: [Assembly]
    ) throws(Refusal) -> (Assembly, [Advice]) {
        let notice = notice(for: agendaKinds)
        let lastCall = date.adding(days: -notice.value)
        guard lastCall >= today else {
            throw Refusal(
                nl:
                    "een vergadering op \(date) moest uiterlijk \(lastCall) worden bijeengeroepen (\(notice.value) dagen); kies \(today.adding(days: notice.value)) of later",
                en:
                    "an assembly on \(date) had to be called by \(lastCall) (\(notice.value) days' notice); choose \(today.adding(days: notice.value)) or later",
                source: notice.source)
        }
        if let clash = existing.first(where: { $0.date == date && $0.state != .closed }) {
            throw Refusal(
                nl: "op \(date) staat al vergadering \(clash.id) gepland", en: "assembly \(clash.id) is already planned on \(date)",
                source: statute.assembliesPerYear.source)
        }
        var advice: [Advice] = []
        if let months = statute.longestGapMonths.value,
            let previous = existing.filter({ $0.date < date }).map(\.date).max(), previous.adding(months: months) < date
        {
            advice.append(
                Advice(
                    nl: "tussen \(previous) en \(date) zit meer dan \(months) maanden",
                    en: "more than \(months) months between \(previous) and \(date)", source: statute.longestGapMonths.source,
                    deadline: previous.adding(months: months)))
        }
        return (Assembly(id: id, date: date, place: place, agendaKinds: agendaKinds), advice)
    }

    /// Sends the notice on `on`: checks the notice period for the agenda and freezes the electorate's reference date.
    public func call(_ assembly: Assembly, on day: CivilDate) throws(Refusal) -> Assembly {
        guard assembly.state == .scheduled else {
            throw Refusal(
                nl: "vergadering \(assembly.id) is al \(assembly.state.dutch)", en: "assembly \(assembly.id) is already \(assembly.state.rawValue)",
                source: statute.noticeDays.source)
        }
        let notice = notice(for: assembly.agendaKinds)
        let days = day.days(until: assembly.date)
        guard days >= notice.value else {
            throw Refusal(
                nl: "oproeping op \(day) geeft \(days) dagen; er zijn minstens \(notice.value) nodig",
                en: "a notice on \(day) gives \(days) days; at least \(notice.value) are needed", source: notice.source)
        }
        var called = assembly
        called.state = .called
        called.calledOn = day
        called.referenceDate = referenceDate(for: assembly.date, calledOn: day)
        return called
    }

    /// The reference date of an assembly on `date` called on `calledOn`.
    public func referenceDate(for date: CivilDate, calledOn: CivilDate) -> CivilDate {
        switch statute.referenceDate.value {
        case .dayOfNotice: return calledOn
        case .daysBeforeAssembly(let days): return date.adding(days: -days)
        }
    }

    /// Opens the assembly on its day.
    public func open(_ assembly: Assembly, on day: CivilDate) throws(Refusal) -> Assembly {
        guard assembly.state == .called else {
            throw Refusal(
                nl: "alleen een bijeengeroepen vergadering kan openen; \(assembly.id) is \(assembly.state.dutch)",
                en: "only a called assembly can open; \(assembly.id) is \(assembly.state.rawValue)", source: statute.noticeDays.source)
        }
        guard day == assembly.date else {
            throw Refusal(
                nl: "vergadering \(assembly.id) is bijeengeroepen voor \(assembly.date), niet \(day)",
                en: "assembly \(assembly.id) was called for \(assembly.date), not \(day)", source: statute.noticeDays.source)
        }
        var open = assembly
        open.state = .open
        return open
    }

    public func close(_ assembly: Assembly) throws(Refusal) -> Assembly {
        guard assembly.state == .open else {
            throw Refusal(nl: "vergadering \(assembly.id) is niet open", en: "assembly \(assembly.id) is not open", source: statute.noticeDays.source)
        }
        var closed = assembly
        closed.state = .closed
        return closed
    }

    /// Advice for a calendar year: how many assemblies are still needed, and the last day to call each.
    public func yearAdvice(_ year: Int, assemblies: [Assembly], today: CivilDate) -> [Advice] {
        let required = statute.assembliesPerYear.value
        let held = assemblies.filter { $0.date.year == year && $0.state != .scheduled }.count
        guard held < required, let yearEnd = CivilDate(year: year, month: 12, day: 31) else { return [] }
        let lastCall = yearEnd.adding(days: -statute.noticeDays.value)
        let missing = required - held
        if today > lastCall {
            return [
                Advice(
                    nl: "in \(year) zijn \(held) van de \(required) vergaderingen bijeengeroepen; dat is niet meer in te halen",
                    en: "\(held) of \(required) assemblies were called in \(year); it is too late to call another", source: statute.assembliesPerYear.source)
            ]
        }
        return [
            Advice(
                nl: "nog \(missing) vergadering\(missing == 1 ? "" : "en") nodig in \(year): roep uiterlijk \(lastCall) bijeen om op \(yearEnd) te vergaderen",
                en: "\(missing) more assembl\(missing == 1 ? "y" : "ies") needed in \(year): call by \(lastCall) to hold it by \(yearEnd)",
                source: statute.assembliesPerYear.source, deadline: lastCall)
        ]
    }

    /// Members demand an assembly: checks the share, and gives the day by which the board must call it.
    public func demand(supporters: Int, of members: Int, on day: CivilDate) throws(Refusal) -> AssemblyDemand {
        let rule = statute.demand
        guard rule.value.share.isReached(by: supporters, of: members) else {
            throw Refusal(
                nl: "\(supporters) van de \(members) leden is minder dan \(rule.value.share) van de leden",
                en: "\(supporters) of \(members) members is less than \(rule.value.share) of the members", source: rule.source)
        }
        return AssemblyDemand(receivedOn: day, supporters: supporters, callBy: day.adding(days: 7 * rule.value.withinWeeks))
    }
}

extension Assembly.State {
    var dutch: String {
        switch self {
        case .scheduled: return "gepland"
        case .called: return "bijeengeroepen"
        case .open: return "geopend"
        case .closed: return "gesloten"
        }
    }
}

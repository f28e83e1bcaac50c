public import Statuut

/// One condition of membership, whether it holds, why, and where the statute says so.
public struct MembershipCheck: Sendable, Hashable {
    public var holds: Bool
    public var nl: String
    public var en: String
    public var source: Provenance

    public func text(in language: Language) -> String { language == .nl ? nl : en }
}

/// Whether a resident is a member on a date, with every condition checked.
public struct MembershipVerdict: Sendable, Hashable {
    public var resident: ResidentID
    public var date: CivilDate
    public var isMember: Bool
    /// The conditions in the order they were checked; checking stops at the first that fails.
    public var checks: [MembershipCheck]
}

/// Why a join or leave is refused (a `Refusal` citing the rule that forbids it).
public typealias MembershipRefusal = Refusal

/// The statute's membership rules as pure functions: who is a member on a date, and whether a
/// resident may join or leave.
public struct MembershipRules: Sendable {
    public let statute: Statute
    private let area: Area?

    public init(statute: Statute) {
        self.statute = statute
        self.area = statute.membershipArea
    }

    /// Whether the resident is a member on `date` (fast; no explanations).
    /// `events` are this resident's join and leave events, in any order.
    public func isMember(_ resident: Resident, on date: CivilDate, events: [MembershipEvent] = []) -> Bool {
        guard let residence = resident.residence(on: date) else { return false }
        return isMember(living: residence.address, birth: resident.birth, on: date, events: events)
    }

    /// Whether someone living at `address` on `date` (as the register says) is a member then.
    /// The same rule as `isMember(_:on:events:)`, for callers that read only the day's address.
    public func isMember(living address: Address, birth: Birth?, on date: CivilDate, events: [MembershipEvent] = []) -> Bool {
        guard let area, area.contains(address.postcode, houseNumber: address.houseNumber) else { return false }
        if let minimum = statute.minimumAge.value {
            guard let birth, birth.age(on: date) >= minimum else { return false }
        }
        if statute.membership.value.mode == .optIn {
            return Self.hasJoined(events, on: date)
        }
        return true
    }

    /// The members among `residents` on `date`, sorted by id.
    public func members(of residents: [Resident], on date: CivilDate, events: [ResidentID: [MembershipEvent]] = [:]) -> [ResidentID] {
        residents.filter { isMember($0, on: date, events: events[$0.id] ?? []) }.map(\.id).sorted()
    }

    /// The full reasoning for one resident on one date, citing the articles.
    public func verdict(for resident: Resident, on date: CivilDate, events: [MembershipEvent] = []) -> MembershipVerdict {
        var checks: [MembershipCheck] = []
        func done(_ member: Bool) -> MembershipVerdict {
            MembershipVerdict(resident: resident.id, date: date, isMember: member, checks: checks)
        }
        let membership = statute.membership
        let areaName = membership.value.areaName

        guard let residence = resident.residence(on: date) else {
            let last = resident.residences.last
            if let out = last?.movedOut, out <= date {
                checks.append(
                    MembershipCheck(
                        holds: false,
                        nl: "woonde op \(date) niet meer in het register: verhuisd op \(out) van \(last!.address)",
                        en: "no longer in the register on \(date): moved out of \(last!.address) on \(out)",
                        source: membership.source))
            } else if let first = resident.residences.first?.movedIn, date < first {
                checks.append(
                    MembershipCheck(
                        holds: false, nl: "woonde op \(date) nog niet in het register: ingeschreven op \(first)",
                        en: "not yet in the register on \(date): moved in on \(first)", source: membership.source))
            } else {
                checks.append(
                    MembershipCheck(
                        holds: false, nl: "heeft op \(date) geen bekend adres", en: "has no known address on \(date)",
                        source: membership.source))
            }
            return done(false)
        }
        let address = residence.address
        let areaSource = area?.source ?? membership.source
        let inArea = area?.contains(address.postcode, houseNumber: address.houseNumber) ?? false
        let excluded = area.map { a in a.entries.contains { $0.contains(address.postcode, houseNumber: address.houseNumber) } && !inArea } ?? false
        checks.append(
            MembershipCheck(
                holds: inArea,
                nl: inArea
                    ? "woont op \(date) op \(address), in het gebied \(areaName)"
                    : excluded
                        ? "woont op \(date) op \(address), dat uitdrukkelijk buiten het gebied \(areaName) valt"
                        : "woont op \(date) op \(address), buiten het gebied \(areaName)",
                en: inArea
                    ? "lives at \(address) on \(date), inside the area \(areaName)"
                    : excluded
                        ? "lives at \(address) on \(date), which is expressly excluded from the area \(areaName)"
                        : "lives at \(address) on \(date), outside the area \(areaName)",
                source: areaSource))
        guard inArea else { return done(false) }

        if let minimum = statute.minimumAge.value {
            if let birth = resident.birth {
                let age = birth.age(on: date)
                let ok = age >= minimum
                checks.append(
                    MembershipCheck(
                        holds: ok, nl: "is op \(date) \(age) jaar; de minimumleeftijd is \(minimum)",
                        en: "is \(age) on \(date); the minimum age is \(minimum)", source: statute.minimumAge.source))
                guard ok else { return done(false) }
            } else {
                checks.append(
                    MembershipCheck(
                        holds: false, nl: "geboortedatum onbekend, dus niet aan te tonen dat de minimumleeftijd \(minimum) is bereikt",
                        en: "birth date unknown, so the minimum age of \(minimum) cannot be shown", source: statute.minimumAge.source))
                return done(false)
            }
        }

        if membership.value.mode == .optIn {
            let joined = Self.hasJoined(events, on: date)
            let latest = events.filter { $0.effectiveOn <= date }.max { ($0.effectiveOn, $0.requestedOn) < ($1.effectiveOn, $1.requestedOn) }
            let nl: String
            let en: String
            switch (joined, latest?.kind) {
            case (true, _):
                nl = "is lid geworden op \(latest!.effectiveOn) (lidmaatschap op aanvraag)"
                en = "joined on \(latest!.effectiveOn) (membership on request)"
            case (false, .leave?):
                nl = "heeft het lidmaatschap opgezegd; beëindigd per \(latest!.effectiveOn)"
                en = "resigned; membership ended on \(latest!.effectiveOn)"
            default:
                nl = "heeft zich niet als lid aangemeld (lidmaatschap op aanvraag)"
                en = "has not asked to become a member (membership on request)"
            }
            checks.append(MembershipCheck(holds: joined, nl: nl, en: en, source: membership.source))
            return done(joined)
        }
        checks.append(
            MembershipCheck(
                holds: true, nl: "iedere bewoner van \(areaName) is automatisch lid", en: "every resident of \(areaName) is a member automatically",
                source: membership.source))
        return done(true)
    }

    /// A join request on `date`: refused unless the statute allows it.
    /// - Parameters:
    ///   - intakeOn: the day of the intake interview, where the statute requires one.
    ///   - meetsProfile: whether the board confirmed the statute's profile.
    public func join(
        _ resident: Resident, on date: CivilDate, events: [MembershipEvent],
        intakeOn: CivilDate? = nil, meetsProfile: Bool = false
    ) throws(MembershipRefusal) -> MembershipEvent {
        try checkMayAsk(resident, on: date, events: events)
        let membership = statute.membership
        let residence = resident.residence(on: date)
        guard let residence, let area, area.contains(residence.address.postcode, houseNumber: residence.address.houseNumber) else {
            throw MembershipRefusal(
                nl: "alleen bewoners van \(membership.value.areaName) kunnen lid worden; \(resident.id) woont daar op \(date) niet",
                en: "only residents of \(membership.value.areaName) can join; \(resident.id) does not live there on \(date)",
                source: area?.source ?? membership.source)
        }
        let admission = statute.admission
        if admission.value.afterIntake {
            guard let intakeOn, intakeOn <= date else {
                throw MembershipRefusal(
                    nl: "toelating volgt pas na een intakegesprek: geef de datum van de intake (niet na \(date))",
                    en: "admission follows an intake interview: give the intake date (not after \(date))", source: admission.source)
            }
        }
        if let profile = statute.profile, !meetsProfile {
            throw MembershipRefusal(
                nl: "het bestuur moet bevestigen dat het lid voldoet aan het profiel: \(profile.value)",
                en: "the board must confirm that the member fits the profile: \(profile.value)", source: profile.source)
        }
        // A join that would not make a member (too young, no known birth date) is refused, not recorded.
        try checkWouldBeMember(resident, on: date, events: events)
        return MembershipEvent(resident: resident.id, kind: .join, requestedOn: date, effectiveOn: date)
    }

    /// A resignation given on `date`; it takes effect as the statute's resignation rule says.
    public func leave(_ resident: Resident, on date: CivilDate, events: [MembershipEvent]) throws(MembershipRefusal) -> MembershipEvent {
        let membership = statute.membership
        guard membership.value.mode == .optIn else {
            throw MembershipRefusal(
                nl: "lidmaatschap is automatisch: het eindigt alleen door verhuizing uit het gebied",
                en: "membership is automatic: it ends only by moving out of the area", source: membership.source)
        }
        guard Self.hasJoined(events, on: date) else {
            throw MembershipRefusal(
                nl: "\(resident.id) is op \(date) geen lid", en: "\(resident.id) is not a member on \(date)",
                source: membership.source)
        }
        return MembershipEvent(
            resident: resident.id, kind: .leave, requestedOn: date,
            effectiveOn: Self.endDate(of: statute.resignation.value, givenOn: date))
    }

    /// The first day without membership after a resignation given on `date`.
    public static func endDate(of rule: ResignationRule, givenOn date: CivilDate) -> CivilDate {
        switch rule {
        case .immediately: return date
        case .afterWeeks(let weeks): return date.adding(days: 7 * weeks)
        case .endOfFinancialYear(let weeks):
            let earliest = date.adding(days: 7 * weeks)
            // The financial year is the calendar year (BW 2:10a): the membership ends on 31
            // December of the year the notice period ends in.
            return CivilDate(year: earliest.year + 1, month: 1, day: 1) ?? earliest
        }
    }

    /// Whether the latest event in force on `date` is a join.
    static func hasJoined(_ events: [MembershipEvent], on date: CivilDate) -> Bool {
        var latest: MembershipEvent?
        for event in events where event.effectiveOn <= date {
            if latest == nil || (event.effectiveOn, event.requestedOn) >= (latest!.effectiveOn, latest!.requestedOn) { latest = event }
        }
        return latest?.kind == .join
    }
}

public import Statuut

/// An application for membership of an opt-in association, and the decision on it (by the board
/// or the general assembly, as the statute says). Holds only what the decision needs: who (the
/// register has the rest), when, the intake's day, the profile confirmation and a refusal's reason.
public struct MembershipApplication: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable { case pending, granted, refused }

    public var id: ApplicationID
    public var resident: ResidentID
    public var appliedOn: CivilDate
    public var intakeOn: CivilDate?
    public var meetsProfile: Bool
    public var state: State
    public var decidedBy: AdmissionRule.Body?
    /// The assembly that decided, when the general assembly admits.
    public var assembly: AssemblyID?
    public var decidedOn: CivilDate?
    /// Why it was refused (kept with the decision).
    public var reason: String?

    public init(
        id: ApplicationID, resident: ResidentID, appliedOn: CivilDate, intakeOn: CivilDate? = nil, meetsProfile: Bool = false,
        state: State = .pending, decidedBy: AdmissionRule.Body? = nil, assembly: AssemblyID? = nil, decidedOn: CivilDate? = nil,
        reason: String? = nil
    ) {
        self.id = id
        self.resident = resident
        self.appliedOn = appliedOn
        self.intakeOn = intakeOn
        self.meetsProfile = meetsProfile
        self.state = state
        self.decidedBy = decidedBy
        self.assembly = assembly
        self.decidedOn = decidedOn
        self.reason = reason
    }
}

/// The decision on an application: granted (with the intake day and profile confirmation the
/// statute asks for) or refused with a reason.
public enum AdmissionVerdict: Sendable, Hashable {
    case grant(intakeOn: CivilDate?, meetsProfile: Bool)
    case refuse(reason: String)
}

extension MembershipRules {
    /// Checks an application made on `date`: the statute has membership on request, the resident
    /// is not a member already, and would be one once admitted (lives in the area, old enough).
    /// A resident who could not become a member is told why, citing the article, and nothing is kept.
    public func apply(_ resident: Resident, on date: CivilDate, events: [MembershipEvent], pending: [MembershipApplication]) throws(MembershipRefusal) {
        try checkMayAsk(resident, on: date, events: events)
        if let open = pending.first(where: { $0.state == .pending }) {
            throw MembershipRefusal(
                nl: "\(resident.id) heeft al een aanvraag van \(open.appliedOn) die nog op een besluit wacht",
                en: "\(resident.id) already has an application of \(open.appliedOn) waiting for a decision", source: statute.admission.source)
        }
        try checkWouldBeMember(resident, on: date, events: events)
    }

    /// Decides an application on `date` by `body`. A grant needs the body the statute names, the
    /// intake and profile it asks for, and a resident who is a member once admitted; it returns the
    /// join (effective on the decision's day). A refusal needs a reason.
    public func decide(
        _ application: MembershipApplication, _ verdict: AdmissionVerdict, by body: AdmissionRule.Body, on date: CivilDate,
        resident: Resident, events: [MembershipEvent]
    ) throws(MembershipRefusal) -> (MembershipApplication, MembershipEvent?) {
        let admission = statute.admission
        guard application.state == .pending else {
            throw MembershipRefusal(
                nl: "over de aanvraag van \(application.resident) is al besloten", en: "the application of \(application.resident) was already decided",
                source: admission.source)
        }
        guard body == admission.value.decidedBy else {
            throw MembershipRefusal(
                nl: admission.value.decidedBy == .board
                    ? "over toelating beslist het bestuur, niet de algemene vergadering" : "over toelating beslist de algemene vergadering, niet het bestuur",
                en: admission.value.decidedBy == .board
                    ? "the board decides on admission, not the general assembly" : "the general assembly decides on admission, not the board",
                source: admission.source)
        }
        guard date >= application.appliedOn else {
            throw MembershipRefusal(
                nl: "een besluit op \(date) gaat vooraf aan de aanvraag van \(application.appliedOn)",
                en: "a decision on \(date) comes before the application of \(application.appliedOn)", source: admission.source)
        }
        var decided = application
        decided.decidedBy = body
        decided.decidedOn = date
        switch verdict {
        case .refuse(let reason):
            let reason = AdmissionBatch.trimmed(Substring(reason))
            guard !reason.isEmpty else {
                throw MembershipRefusal(nl: "een weigering vermeldt de reden", en: "a refusal states its reason", source: admission.source)
            }
            decided.state = .refused
            decided.reason = reason
            return (decided, nil)
        case .grant(let intakeOn, let meetsProfile):
            let intake = intakeOn ?? application.intakeOn
            if admission.value.afterIntake {
                guard let intake, intake <= date else {
                    throw MembershipRefusal(
                        nl: "toelating volgt pas na een intakegesprek: geef de datum van de intake (niet na \(date))",
                        en: "admission follows an intake interview: give the intake date (not after \(date))", source: admission.source)
                }
            }
            let fits = meetsProfile || application.meetsProfile
            if let profile = statute.profile, !fits {
                throw MembershipRefusal(
                    nl: "het bestuur moet bevestigen dat het lid voldoet aan het profiel: \(profile.value)",
                    en: "the board must confirm that the member fits the profile: \(profile.value)", source: profile.source)
            }
            guard !Self.hasJoined(events, on: date) else {
                throw MembershipRefusal(
                    nl: "\(resident.id) is op \(date) al lid", en: "\(resident.id) is already a member on \(date)", source: statute.membership.source)
            }
            try checkWouldBeMember(resident, on: date, events: events)
            decided.state = .granted
            decided.intakeOn = intake
            decided.meetsProfile = fits
            return (decided, MembershipEvent(resident: resident.id, kind: .join, requestedOn: application.appliedOn, effectiveOn: date))
        }
    }

    /// Refuses where nobody can ask to join (membership is automatic) and where the resident
    /// already is a member on `date`.
    func checkMayAsk(_ resident: Resident, on date: CivilDate, events: [MembershipEvent]) throws(MembershipRefusal) {
        let membership = statute.membership
        guard membership.value.mode == .optIn else {
            throw MembershipRefusal(
                nl: "lidmaatschap is automatisch: aanmelden is niet nodig en niet mogelijk",
                en: "membership is automatic: nobody needs to or can join", source: membership.source)
        }
        guard !Self.hasJoined(events, on: date) else {
            throw MembershipRefusal(nl: "\(resident.id) is op \(date) al lid", en: "\(resident.id) is already a member on \(date)", source: membership.source)
        }
    }

    /// Refuses unless joining on `date` makes the resident a member (area, age): the verdict's first
    /// failing condition is the reason.
    func checkWouldBeMember(_ resident: Resident, on date: CivilDate, events: [MembershipEvent]) throws(MembershipRefusal) {
        let joined = events + [MembershipEvent(resident: resident.id, kind: .join, requestedOn: date, effectiveOn: date)]
        let verdict = verdict(for: resident, on: date, events: joined)
        guard verdict.isMember else {
            let failing = verdict.checks.first { !$0.holds }
            throw MembershipRefusal(
                nl: "\(resident.id) kan geen lid worden: \(failing?.nl ?? "voldoet niet aan het statuut")",
                en: "\(resident.id) cannot become a member: \(failing?.en ?? "does not meet the statute")",
                source: failing?.source ?? statute.membership.source)
        }
    }
}

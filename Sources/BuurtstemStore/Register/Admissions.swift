public import BuurtstemCore
import Foundation
public import GRDB
public import Statuut

/// Applications for membership and the decisions on them: application → decision by the board or
/// the general assembly (as the statute says) → membership from the decision's day. Every step is
/// audited in the transaction that records it; a refusal keeps its reason.
extension AppDatabase {
    /// One application to record, as read from a form, the command line or a batch file.
    public struct ApplicationRequest: Sendable, Hashable {
        public var resident: ResidentID
        public var appliedOn: CivilDate
        public var intakeOn: CivilDate?
        public var meetsProfile: Bool

        public init(resident: ResidentID, appliedOn: CivilDate, intakeOn: CivilDate? = nil, meetsProfile: Bool = false) {
            self.resident = resident
            self.appliedOn = appliedOn
            self.intakeOn = intakeOn
            self.meetsProfile = meetsProfile
        }
    }

    /// One decision to record: on whose pending application, and what.
    public struct AdmissionRequest: Sendable, Hashable {
        public var resident: ResidentID
        public var verdict: AdmissionVerdict

        public init(resident: ResidentID, verdict: AdmissionVerdict) {
            self.resident = resident
            self.verdict = verdict
        }
    }

    /// Records applications (all or none): each is checked by the statute in force on its day, and a
    /// resident who could not become a member is refused with the reason before anything is kept.
    @discardableResult
    public func apply(_ requests: [ApplicationRequest], actor: AuditActor = .system) throws -> [MembershipApplication] {
        try writer.write { db in
            var recorded: [MembershipApplication] = []
            var appender = try AuditAppender(db, at: clock.now())
            for (index, request) in requests.enumerated() {
                let label = requests.count > 1 ? "application \(index + 1) (\(request.resident)): " : ""
                guard request.appliedOn <= clock.today() else {
                    throw StoreError(
                        nl: "\(label)een aanvraag kan niet worden vastgelegd op \(request.appliedOn): die dag moet nog komen",
                        en: "\(label)an application cannot be recorded as made on \(request.appliedOn): that day is still to come")
                }
                let (statute, _) = try Self.statute(db, on: request.appliedOn)
                let resident = try Self.resident(db, request.resident)
                let events = try Self.membershipEvents(db)[request.resident] ?? []
                let earlier = try Self.applications(db, resident: request.resident)
                do throws(Refusal) {
                    try MembershipRules(statute: statute).apply(resident, on: request.appliedOn, events: events, pending: earlier)
                } catch {
                    throw Refusal(nl: label + error.nl, en: label + error.en, source: error.source)
                }
                var row = MembershipApplicationRow(
                    residentId: request.resident, appliedOn: request.appliedOn, intakeOn: request.intakeOn, meetsProfile: request.meetsProfile,
                    state: .pending, recordedAt: clock.now().description)
                try row.insert(db)
                let id = row.application.id
                try appender.append(actor: actor, MemberApplied(application: id, resident: request.resident, appliedOn: request.appliedOn))
                recorded.append(
                    MembershipApplication(
                        id: id, resident: request.resident, appliedOn: request.appliedOn, intakeOn: request.intakeOn,
                        meetsProfile: request.meetsProfile))
            }
            try appender.finish(db)
            return recorded
        }
    }

    /// Records decisions on pending applications (all or none). The board decides on `day`; where
    /// the statute gives admission to the general assembly, `assembly` names the open assembly that
    /// decided, on its date. A grant makes the resident a member from that day.
    @discardableResult
    public func decide(
        _ requests: [AdmissionRequest], on day: CivilDate? = nil, assembly: AssemblyID? = nil,
        actor: AuditActor = .system
    ) throws -> [MembershipApplication] {
        try writer.write { db in
            let body: AdmissionRule.Body = assembly == nil ? .board : .assembly
            var date = day ?? clock.today()
            if let assembly {
                let meeting = try Self.assembly(db, assembly)
                guard meeting.state == .open else {
                    throw StoreError(
                        nl: "de algemene vergadering beslist over toelating terwijl zij vergadert; vergadering \(assembly) is \(meeting.state.rawValue)",
                        en: "the general assembly decides on admission while it meets; assembly \(assembly) is \(meeting.state.rawValue)")
                }
                // The assembly decides on its own day; a different day given beside it contradicts it.
                if let day, day != meeting.date {
                    throw StoreError(
                        nl: "vergadering \(assembly) is op \(meeting.date); een besluit van de vergadering valt niet op \(day)",
                        en: "assembly \(assembly) is on \(meeting.date); a decision of the assembly is not taken on \(day)")
                }
                date = meeting.date
            }
            guard date <= clock.today() else {
                throw StoreError(
                    nl: "een besluit kan niet worden vastgelegd op \(date): die dag moet nog komen",
                    en: "a decision cannot be recorded on \(date): that day is still to come")
            }
            let (statute, version) = try Self.statute(db, on: date)
            var decided: [MembershipApplication] = []
            var appender = try AuditAppender(db, at: clock.now())
            for (index, request) in requests.enumerated() {
                let label = requests.count > 1 ? "decision \(index + 1) (\(request.resident)): " : ""
                guard let application = try Self.applications(db, resident: request.resident).first(where: { $0.state == .pending }) else {
                    throw StoreError(
                        nl: "\(label)\(request.resident) heeft geen aanvraag die op een besluit wacht; leg eerst de aanvraag vast",
                        en: "\(label)\(request.resident) has no application waiting for a decision; record the application first")
                }
                let resident = try Self.resident(db, request.resident)
                let events = try Self.membershipEvents(db)[request.resident] ?? []
                let outcome: (MembershipApplication, MembershipEvent?)
                do throws(Refusal) {
                    outcome = try MembershipRules(statute: statute).decide(application, request.verdict, by: body, on: date, resident: resident, events: events)
                } catch {
                    throw Refusal(nl: label + error.nl, en: label + error.en, source: error.source)
                }
                var (result, join) = outcome
                result.assembly = assembly
                guard var row = try MembershipApplicationRow.fetchReadable(db, key: application.id) else {
                    throw StoreError.notFound(nl: "er is geen aanvraag \(application.id)", en: "there is no application \(application.id)")
                }
                (row.state, row.decidedBy, row.assemblyId, row.decidedOn) = (result.state, body, assembly, date)
                (row.reason, row.intakeOn, row.meetsProfile) = (result.reason, result.intakeOn, result.meetsProfile)
                try row.update(db)
                func logged<Kind: LoggedAs>(_: Kind.Type) -> ApplicationDecided<Kind> {
                    ApplicationDecided(
                        application: application.id, resident: request.resident, decidedBy: body.rawValue, on: date, assembly: assembly,
                        reason: result.reason)
                }
                if result.state == .granted {
                    try appender.append(actor: actor, logged(ApplicationDecision.Admitted.self))
                } else {
                    try appender.append(actor: actor, logged(ApplicationDecision.Refused.self))
                }
                if let join {
                    try Self.insert(
                        db, join, version: version, at: clock.now(), actor: actor, appender: &appender,
                        application: application.id)
                }
                decided.append(result)
            }
            try appender.finish(db)
            return decided
        }
    }

    /// Applications, newest first (only those still waiting with `pendingOnly`).
    public func applications(pendingOnly: Bool = false) throws -> [MembershipApplication] {
        try writer.read { db in
            try MembershipApplicationRow.filter(!pendingOnly || Column("state") == MembershipApplication.State.pending)
                .order(Column("id").desc).fetchAll(db).map(\.application)
        }
    }

    /// The admission decisions an assembly took.
    static func applications(_ db: Database, decidedAt assembly: AssemblyID) throws -> [MembershipApplication] {
        try MembershipApplicationRow.filter(Column("assembly_id") == assembly).order(Column("resident_id")).fetchAll(db).map(\.application)
    }

    static func applications(_ db: Database, resident: ResidentID) throws -> [MembershipApplication] {
        try MembershipApplicationRow.filter(Column("resident_id") == resident).order(Column("id")).fetchAll(db).map(\.application)
    }

    static func resident(_ db: Database, _ id: ResidentID) throws -> Resident {
        guard let resident = try Self.residents(db, whereClause: "WHERE resident.id = ?", arguments: [id.rawValue]).first else {
            throw StoreError.notFound(nl: "geen bewoner met nummer \(id) in het register", en: "no resident with id \(id) in the register")
        }
        return resident
    }

    /// Records a join or leave event and its audit entry, in the caller's transaction.
    static func insert(
        _ db: Database, _ event: MembershipEvent, version: StatuteVersion, at now: Moment, actor: AuditActor,
        appender: inout AuditAppender, application: ApplicationID? = nil, decidedBy: String? = nil
    ) throws {
        var row = MembershipEventRow(
            residentId: event.resident, kind: event.kind, requestedOn: event.requestedOn, effectiveOn: event.effectiveOn, recordedAt: now.description)
        try row.insert(db)
        func logged<Kind: LoggedAs>(_: Kind.Type) -> MembershipChanged<Kind> {
            MembershipChanged(
                resident: event.resident, requestedOn: event.requestedOn, effectiveOn: event.effectiveOn, statuteVersion: version.id.rawValue,
                application: application, decidedBy: decidedBy)
        }
        switch event.kind {
        case .join: try appender.append(actor: actor, logged(MembershipChange.Join.self))
        case .leave: try appender.append(actor: actor, logged(MembershipChange.Leave.self))
        }
    }
}

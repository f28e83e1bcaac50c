public import BuurtstemCore
public import BuurtstemStore
public import Hummingbird
import HummingbirdCore

/// Builds the Buurtstem web application over one association's database.
public enum BuurtstemServer {
    /// The application, ready to run (`try await app.runService()`), with graceful shutdown on SIGTERM/SIGINT.
    public static func application(
        database: AppDatabase, host: String = "127.0.0.1", port: Int = 8080, clock: WallClock = .system,
        connections: ConnectionRegistry = ConnectionRegistry(), trustedProxies: Set<String> = []
    ) -> some ApplicationProtocol {
        let router = Router(context: WebContext.self)
        router.add(middleware: ForwardedMiddleware(trusted: trustedProxies))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: MethodMiddleware())
        router.add(middleware: SameOriginMiddleware())
        let writer = VoteWriter(database: database)
        let limiter = AttemptLimiter(clock: clock)
        API(database: database, writer: writer, limiter: limiter).register(on: router)
        ResidentPages(
            database: database, writer: writer, limiter: limiter,
            sessions: VoterSessions(clock: clock, idle: VoterSession.idle, absolute: VoterSession.absolute)
        ).register(on: router)
        ProjectorPage(database: database).register(on: router)
        let gate = StaffGate(
            database: database, sessions: StaffSessions(clock: clock, idle: StaffSession.idle, absolute: StaffSession.absolute),
            limiter: AttemptLimiter(clock: clock))
        gate.register(on: router)
        BoardPages.registerStylesheet(on: router)
        let desk = router.staff("balie", role: .desk, gate: gate)
        let board = router.staff("bestuur", role: .board, gate: gate)
        DeskPages(database: database).register(on: desk)
        AccountPages(database: database, gate: gate).register(on: board)
        CompliancePage(database: database, clock: clock).register(on: board)
        AdmissionPage(database: database, clock: clock).register(on: board)
        BoardPages(database: database, codeFailures: limiter, loginFailures: gate.limiter, clock: clock).register(on: board)
        // No single client can stall the server: time limits per request and caps on connections
        // (waiting ones are closed first when the caps are reached).
        let server = HTTPServerBuilder.http1(configuration: .init(additionalChannelHandlers: [ConnectionGuard(registry: connections)]))
        return Application(router: router, server: server, configuration: .init(address: .hostname(host, port: port), serverName: "Buurtstem"))
    }
}

extension BuurtstemServer {
    /// Runs the server until SIGTERM or SIGINT, then stops gracefully.
    public static func run(
        database: AppDatabase, host: String, port: Int, connections: ConnectionRegistry = ConnectionRegistry(), trustedProxies: Set<String> = []
    ) async throws {
        try await application(database: database, host: host, port: port, connections: connections, trustedProxies: trustedProxies).runService()
    }
}

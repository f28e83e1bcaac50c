public import BuurtstemCore
public import BuurtstemStore
public import Hummingbird
import HummingbirdCore
public import Logging
import ServiceLifecycle
import UnixSignals

/// How a server runs, beyond the associations it serves.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var clock: WallClock = .system
    /// Caps on connections (see `ConnectionGuard`).
    public var connections = ConnectionRegistry()
    /// Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (`ForwardedMiddleware`).
    public var trustedProxies: Set<String> = []
    /// The operator's metrics, served at `/metrics` to direct (not proxied) requests.
    public var metrics = ServerMetrics()
    /// Where the server logs (one line per request, by route pattern); nil: Hummingbird's default.
    public var logger: Logger?
    /// A second port, on 127.0.0.1 only, for the monitoring on this machine: `/metrics`, `/healthz`
    /// and `/readyz`, whatever proxy sits in front of the main port (nil: none).
    public var operationsPort: Int?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, clock: WallClock = .system, connections: ConnectionRegistry = ConnectionRegistry(),
        trustedProxies: Set<String> = [], metrics: ServerMetrics = ServerMetrics(), logger: Logger? = nil
    ) {
        self.host = host
        self.port = port
        self.clock = clock
        self.connections = connections
        self.trustedProxies = trustedProxies
        self.metrics = metrics
        self.logger = logger
    }
}

/// Builds the Buurtstem web application: one association's database, or a folder of them.
public enum BuurtstemServer {
    /// The application for one association, ready to run (`try await app.runService()`), with
    /// graceful shutdown on SIGTERM/SIGINT.
    public static func application(
        database: AppDatabase, host: String = "127.0.0.1", port: Int = 8080, clock: WallClock = .system,
        connections: ConnectionRegistry = ConnectionRegistry(), trustedProxies: Set<String> = []
    ) -> some ApplicationProtocol {
        application(
            database: database, association: "default",
            settings: ServerSettings(host: host, port: port, clock: clock, connections: connections, trustedProxies: trustedProxies))
    }

    /// The application for one association named `association` (its label in the metrics).
    public static func application(database: AppDatabase, association: String, settings: ServerSettings) -> some ApplicationProtocol {
        let router = router(database: database, association: association, settings: settings)
        Operations(settings: settings, associations: { [(association, database)] }).register(on: router)
        return Application(
            router: router, server: server(settings), configuration: configuration(settings), logger: settings.logger)
    }

    /// The application for every association in `directory`, one per host name (see `AssociationDirectory`).
    public static func application(directory: AssociationDirectory, settings: ServerSettings) -> some ApplicationProtocol {
        let operations = Router(context: WebContext.self)
        operations.add(middleware: ForwardedMiddleware(trusted: settings.trustedProxies))
        operations.add(middleware: SecurityHeadersMiddleware())
        operations.add(middleware: MethodMiddleware())
        Operations(settings: settings, associations: { await directory.openAssociations() }).register(on: operations)
        let responder = AssociationResponder(directory: directory, operations: operations.buildResponder())
        return Application(responder: responder, server: server(settings), configuration: configuration(settings), logger: settings.logger)
    }

    /// Every page and the API of one association.
    static func router(database: AppDatabase, association: String, settings: ServerSettings) -> Router<WebContext> {
        let clock = settings.clock
        let telemetry = Telemetry(association: association, metrics: settings.metrics)
        let router = Router(context: WebContext.self)
        router.add(middleware: ForwardedMiddleware(trusted: settings.trustedProxies))
        router.add(middleware: AccessLogMiddleware(telemetry: telemetry))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: MethodMiddleware())
        router.add(middleware: SameOriginMiddleware())
        let writer = VoteWriter(database: database)
        let limiter = AttemptLimiter(clock: clock)
        API(database: database, writer: writer, limiter: limiter, telemetry: telemetry).register(on: router)
        ResidentPages(
            database: database, writer: writer, limiter: limiter,
            sessions: VoterSessions(clock: clock, idle: VoterSession.idle, absolute: VoterSession.absolute), telemetry: telemetry
        ).register(on: router)
        ProjectorPage(database: database).register(on: router)
        let gate = StaffGate(
            database: database, sessions: StaffSessions(clock: clock, idle: StaffSession.idle, absolute: StaffSession.absolute),
            limiter: AttemptLimiter(clock: clock), telemetry: telemetry)
        gate.register(on: router)
        BoardPages.registerStylesheet(on: router)
        let desk = router.staff("balie", role: .desk, gate: gate)
        let board = router.staff("bestuur", role: .board, gate: gate)
        DeskPages(database: database).register(on: desk)
        AccountPages(database: database, gate: gate).register(on: board)
        CompliancePage(database: database, clock: clock).register(on: board)
        AdmissionPage(database: database, clock: clock).register(on: board)
        BoardMembersPage(database: database, clock: clock).register(on: board)
        BoardPages(database: database, codeFailures: limiter, loginFailures: gate.limiter, clock: clock).register(on: board)
        return router
    }

    /// No single client can stall the server: time limits per request and caps on connections
    /// (waiting ones are closed first when the caps are reached).
    static func server(_ settings: ServerSettings) -> HTTPServerBuilder {
        .http1(configuration: .init(additionalChannelHandlers: [ConnectionGuard(registry: settings.connections)]))
    }

    static func configuration(_ settings: ServerSettings) -> ApplicationConfiguration {
        .init(address: .hostname(settings.host, port: settings.port), serverName: "Buurtstem")
    }
}

extension BuurtstemServer {
    /// Runs the server until SIGTERM or SIGINT, then stops gracefully.
    public static func run(database: AppDatabase, association: String = "default", settings: ServerSettings) async throws {
        try await run(application(database: database, association: association, settings: settings), settings: settings) {
            [(association, database)]
        }
    }

    /// Runs a server for every association in `directory` until SIGTERM or SIGINT.
    public static func run(directory: AssociationDirectory, settings: ServerSettings) async throws {
        try await run(application(directory: directory, settings: settings), settings: settings) { await directory.openAssociations() }
    }

    /// The operator's endpoints alone, on 127.0.0.1:`port`: reachable by the monitoring on this
    /// machine (also when a proxy on it fronts the main port), never from the internet.
    public static func operations(
        port: Int, settings: ServerSettings, associations: @escaping @Sendable () async -> [(name: String, database: AppDatabase)]
    ) -> some ApplicationProtocol {
        let router = Router(context: WebContext.self)
        router.add(middleware: MethodMiddleware())
        Operations(settings: settings, associations: associations).register(on: router)
        return Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "Buurtstem"), logger: settings.logger)
    }

    private static func run(
        _ main: some ApplicationProtocol, settings: ServerSettings,
        associations: @escaping @Sendable () async -> [(name: String, database: AppDatabase)]
    ) async throws {
        guard let port = settings.operationsPort else { return try await main.runService() }
        let logger = settings.logger ?? Logger(label: "buurtstem")
        let group = ServiceGroup(
            services: [main, operations(port: port, settings: settings, associations: associations)], gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        try await group.run()
    }
}

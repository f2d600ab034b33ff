import Foundation
import Hummingbird
import Mustache
import Prometheus
import Metrics

/// The daemon's HTTP face: the web UI, `/metrics`, `/healthz` and `/readyz`.
public enum HTTPFace {
    /// A router with the routes every listener serves.
    static func baseRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("healthz") { _, _ in "ok\n" }
        return router
    }
}

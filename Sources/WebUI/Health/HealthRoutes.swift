import Foundation
import Hummingbird

/// `/metrics`, `/healthz` and `/readyz` on a router: the separate metrics listener mounts them, and so can the web
/// UI's listener (they need no login: they show counts and names from the configuration, never mail).
public enum HealthRoutes {
    public static func add<Context: RequestContext>(to router: Router<Context>, endpoints: HealthEndpoints) {
        router.get("metrics") { _, _ in
            plain(await endpoints.metricsText(), status: .ok, contentType: HealthEndpoints.metricsContentType)
        }
        // Alive: the process answers.
        router.get("healthz") { _, _ in plain("ok\n", status: .ok) }
        // Ready: the store takes writes, the rules are loaded, every configured source is up.
        router.get("readyz") { _, _ in
            let problems = await endpoints.readinessProblems()
            if problems.isEmpty { return plain("ready\n", status: .ok) }
            return plain("not ready:\n" + problems.map { "- \($0)\n" }.joined(), status: .serviceUnavailable)
        }
    }

    static func plain(_ text: String, status: HTTPResponse.Status,
                      contentType: String = "text/plain; charset=utf-8") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        headers[values: .init("X-Content-Type-Options")!] = ["nosniff"]
        headers[values: .init("Content-Security-Policy")!] = ["default-src 'none'"]
        headers[values: .init("X-Frame-Options")!] = ["DENY"]
        headers[values: .init("Referrer-Policy")!] = ["same-origin"]
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

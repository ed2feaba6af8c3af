"""The service's code paths: what each request logs, step by step, and where it awaits.

A request is built up front as a list of *segments*. A segment is what the coroutine logs
between two awaits: `(latency_ms, lines)`, where `latency_ms` is how long the await before it
took (0 for the first segment). When the await was an HTTP call, the segment's first line is the
httpx line, because httpx logs when the response arrives.

A line is `(logger, level, message, fields, tagged)`; `fields` are the structured extras a JSON
formatter would print (`None` for none) and `tagged` says whether the message has a `[TAG]`.
The same paths are written out by hand in `Samples/`; keep the two in step.
"""

import re

SUPABASE = "https://xyz.supabase.co"
FAL = "https://queue.fal.run"
TAG = re.compile(r"\[[A-Z][A-Z_-]+\]")

PHRASES = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 401: "Unauthorized",
           403: "Forbidden", 404: "Not Found", 409: "Conflict", 500: "Internal Server Error",
           503: "Service Unavailable"}

INVALID_KEY = ("{'message': 'Invalid API key', 'hint': 'Double check your Supabase `anon` or "
               "`service_role` API key.'}")
RLS_USERS = ("{'code': '42501', 'details': None, 'hint': None, 'message': 'new row violates "
             "row-level security policy for table \"users\"'}")
NO_GRANT_TX = ("{'code': '42501', 'details': None, 'hint': None, 'message': 'permission denied "
               "for table credit_transactions'}")

# Fault modes, named after the seed incidents they come from.
FAULTS = ("anon-client", "service-key-401", "rls-insert", "missing-grant", "deduct-no-tx",
          "gen-no-deduct", "profile-lookup")
# Which request kinds each fault can strike.
FAULT_KINDS = {"anon-client": ("generation",), "service-key-401": ("balance", "profile", "generation"),
               "rls-insert": ("profile",), "missing-grant": ("generation",),
               "deduct-no-tx": ("generation",), "gen-no-deduct": ("generation",),
               "profile-lookup": ("generation",)}

# Healthy paths that look alarming line by line (a one-line rule would fire on them).
QUIRKS = ("anon-first", "auto-recovery", "retry-503")
QUIRK_KINDS = {"anon-first": ("profile",), "auto-recovery": ("balance",), "retry-503": ("generation",)}
UPSTREAM_503 = "upstream connect error or disconnect/reset before headers. reset reason: connection termination"

MODELS = ("fal-ai/flux-pro", "fal-ai/flux/dev", "fal-ai/kling-video/v1.6/standard", "fal-ai/recraft-v3")
COSTS = {"fal-ai/flux-pro": 50, "fal-ai/flux/dev": 10, "fal-ai/kling-video/v1.6/standard": 300,
         "fal-ai/recraft-v3": 40}


def uuid4(rng):
    """A random version-4 UUID string drawn from `rng` (deterministic under a seed)."""
    h = "%032x" % rng.getrandbits(128)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


class Request:
    """One API request being built: its identity and the segments it will log.

    `variant` is the code path taken: None for the usual one, a name from FAULTS or QUIRKS otherwise.
    """

    __slots__ = ("rng", "label", "rid", "user", "method", "path", "kind", "variant", "segs", "cur",
                 "elapsed", "client", "status")

    def __init__(self, rng, label, user, kind, variant):
        self.rng, self.label, self.user, self.kind, self.variant = rng, label, user, kind, variant
        self.rid = uuid4(rng)
        self.cur = []
        self.segs = [(0.0, self.cur)]
        self.elapsed = 0.0
        port = 30000 + rng.getrandbits(15)
        self.client = f"10.0.{rng.getrandbits(2)}.{2 + rng.getrandbits(6)}:{port}"
        self.status = 200

    def log(self, logger, level, msg, fields=None):
        self.cur.append((logger, level, msg, fields, TAG.search(msg) is not None))

    def wait(self, latency, first_line=None):
        """An await of `latency` ms; `first_line` (an httpx line) is logged when it returns."""
        self.cur = []
        self.segs.append((latency, self.cur))
        self.elapsed += latency
        if first_line is not None:
            self.log("httpx", "INFO", first_line)

    def http(self, latency, method, url, status, proto="HTTP/2"):
        self.wait(latency, f'HTTP Request: {method} {url} "{proto} {status} {PHRASES[status]}"')

    def rest_latency(self):
        return 6.0 + self.rng.expovariate(1 / 22.0)


def uf(req):
    return {"user_id": req.user}


def db(req, op, table, query, status=200, rows=1, client="service", error=None, fields=None):
    """The database layer: client choice, the PostgREST call, and its result."""
    if client == "service":
        req.log("database", "INFO", f"🔑 [DATABASE] Using SERVICE client for {op} on {table}")
        req.log("database", "DEBUG", f"🔑 [DATABASE] Service client bypasses RLS, operation: {op}, table: {table}")
    else:
        req.log("database", "INFO", f"🔓 [DATABASE] Using ANON client for {op} on {table}")
        req.log("database", "DEBUG", f"🔓 [DATABASE] Anon client subject to RLS, operation: {op}, table: {table}")
    upper = op.upper()
    req.log("database", "INFO", f"🔍 [DATABASE] Executing {upper} query on {table}")
    method = {"select": "GET", "insert": "POST", "update": "PATCH"}[op]
    req.http(req.rest_latency(), method, f"{SUPABASE}/rest/v1/{table}{query}", status)
    if error is None:
        req.log("database", "INFO", f"✅ [DATABASE] {upper} result for {table}: {rows} rows")
    else:
        req.log("database", "ERROR", f"❌ [DATABASE] {upper} failed on {table}: {error}")


def start(req, method, path, auth=True):
    req.method, req.path = method, path
    req.log("middleware.request_logging", "INFO", f"[{req.rid}] {method} {path} - Started",
            {"request_id": req.rid})
    if auth:
        req.log("middleware.auth", "INFO", f"🔐 [AUTH] Validating JWT for {method} {path}")
        req.http(18.0 + req.rng.expovariate(1 / 30.0), "GET", f"{SUPABASE}/auth/v1/user", 200)
        req.log("middleware.auth", "INFO", f"✅ [AUTH] Authenticated user {req.user}", uf(req))


def finish(req, status):
    req.status = status
    ms = int(req.elapsed + 2 + req.rng.random() * 6)
    req.wait(0.5 + req.rng.random())
    req.log("middleware.request_logging", "INFO" if status < 400 else "WARNING",
            f"[{req.rid}] {req.method} {req.path} - {status} - {ms}ms", {"request_id": req.rid})
    req.log("uvicorn.access", "INFO", f'{req.client} - "{req.method} {req.path} HTTP/1.1" {status}')


def user_lookup(req, svc, client="service"):
    """`user_repo.get_user_by_id`: service key first; the failure modes bend it."""
    u = req.user
    req.log("repositories.user_repository", "INFO", f"👤 [USER_REPO] Getting user by ID: {u}", uf(req))
    req.log("repositories.user_repository", "DEBUG",
            f"🔍 [USER_REPO] Executing query for user {u} with service_key=True")
    q = f"?select=*&id=eq.{u}"
    if req.variant == "anon-first":
        # By design: an RLS-scoped read with the user's JWT first, the service client second.
        db(req, "select", "users", q, rows=0, client="anon")
        req.log("repositories.user_repository", "WARNING",
                f"⚠️ [USER_REPO] Anon lookup returned no rows for user {u}, retrying with service client")
        db(req, "select", "users", q)
    elif req.variant == "auto-recovery":
        db(req, "select", "users", q, rows=0)
        req.log("repositories.user_repository", "WARNING",
                f"⚠️ [USER_REPO] User not found, attempting auto-recovery for user {u}")
        create_profile(req, "service")
        return True
    elif req.variant == "service-key-401":
        db(req, "select", "users", q, status=401, error=INVALID_KEY)
        req.log("repositories.user_repository", "WARNING",
                f"⚠️ [USER_REPO] Service key query failed for user {u}, falling back to anon client with JWT")
        db(req, "select", "users", q, client="anon")
    elif client == "anon":
        db(req, "select", "users", q, rows=0, client="anon")
        req.log("repositories.user_repository", "ERROR", f"❌ [USER_REPO] Query result for user {u}: False")
        req.log("repositories.user_repository", "WARNING",
                f"⚠️ [USER_REPO] User profile not found for ID {u}, attempting to create from auth data")
        create_profile(req, "anon")
        return False
    else:
        db(req, "select", "users", q)
    req.log("repositories.user_repository", "INFO", f"✅ [USER_REPO] User found in database for ID {u}", uf(req))
    return True


def create_profile(req, client):
    u = req.user
    req.log("repositories.user_repository", "INFO", f"🆕 [DB-CREATE] Creating profile for user {u} from auth data", uf(req))
    if client == "anon":
        db(req, "insert", "users", "", status=403, client="anon", error=RLS_USERS)
        req.log("repositories.user_repository", "ERROR",
                f"❌ [DB-CREATE] Profile creation failed for user {u}: {RLS_USERS}")
        req.log("repositories.user_repository", "ERROR",
                f"❌ [USER_REPO] User {u} not found and profile creation failed")
        return False
    db(req, "insert", "users", "", status=201)
    req.log("repositories.user_repository", "INFO", f"✅ [DB-CREATE] Profile created for user {u} with 100 credits", uf(req))
    return True


def get_credits(req, balance, why="", client="service"):
    u = req.user
    req.log("services.user_service", "INFO", f"💳 [USER_SERVICE] Getting credits for user {u}", uf(req))
    # The message names no user when called for an affordability check; the JSON field still does.
    req.log("services.user_service", "DEBUG", f"🔍 [USER_SERVICE] Calling user_repo.get_user_credits{why}", uf(req))
    req.log("repositories.user_repository", "INFO", f"💳 [USER_REPO] Getting credits for user {u}")
    if not user_lookup(req, "user_service", client):
        req.log("services.user_service", "ERROR", f"❌ [USER_SERVICE] Error getting credits for user {u}: User {u} not found")
        return None
    if req.variant == "auto-recovery":
        balance = 100
    req.log("repositories.user_repository", "INFO", f"✅ [USER_REPO] Credits found for user {u}: {balance}")
    req.log("services.user_service", "INFO",
            f"✅ [USER_SERVICE] Successfully retrieved {balance} credits for user {u}", uf(req))
    return balance


def balance_flow(req, balances):
    start(req, "GET", "/api/v1/credits/balance")
    req.log("routers.credits", "INFO", f"💳 [CREDITS] Balance request for user {req.user}", uf(req))
    if get_credits(req, balances[req.user], f" for user {req.user}") is not None and req.variant == "auto-recovery":
        balances[req.user] = 100
    finish(req, 200)


def profile_flow(req, balances):
    start(req, "GET", "/api/v1/users/me")
    u = req.user
    req.log("services.user_service", "INFO", f"👤 [USER_SERVICE] Loading profile for user {u}", uf(req))
    if req.variant == "rls-insert":
        # A user who signed up but never got a profile row; the create runs on the anon client.
        req.log("repositories.user_repository", "INFO", f"👤 [USER_REPO] Getting user by ID: {u}", uf(req))
        req.log("repositories.user_repository", "DEBUG", f"🔍 [USER_REPO] Executing query for user {u} with service_key=True")
        db(req, "select", "users", f"?select=*&id=eq.{u}", rows=0)
        req.log("repositories.user_repository", "ERROR", f"❌ [USER_REPO] Query result for user {u}: False")
        req.log("repositories.user_repository", "WARNING",
                f"⚠️ [USER_REPO] User profile not found for ID {u}, attempting to create from auth data")
        create_profile(req, "anon")
        req.log("services.user_service", "ERROR", f"❌ [USER_SERVICE] Profile unavailable for user {u}: Database access denied. Authentication context required.")
        finish(req, 500)
        return
    user_lookup(req, "user_service")
    req.log("services.user_service", "INFO", f"✅ [USER_SERVICE] Profile loaded for user {u}, credits: {balances[u]}", uf(req))
    finish(req, 200)


def generation_flow(req, balances):
    rng, u, f = req.rng, req.user, req.variant
    model = MODELS[rng.getrandbits(2)]
    cost = COSTS[model]
    gen = uuid4(rng)
    gf = {"user_id": u, "attributes": {"generation_id": gen, "model": model}}
    start(req, "POST", "/api/v1/generations")
    G = "services.generation_service"
    req.log("routers.generations", "INFO", f"🚀 [GENERATION] Create request from user {u}, model: {model}",
            {"user_id": u, "attributes": {"model": model, "credits_required": cost}})
    req.log(G, "INFO", f"🔍 [GENERATION] Starting credit check for user {u}, credits_required: {cost}", uf(req))
    req.log(G, "DEBUG", f"🔍 [GENERATION] User service imported successfully for user {u}")
    req.log(G, "INFO", f"🔍 [GENERATION] Calling can_afford_generation for user {u}")
    req.log("services.user_service", "INFO", f"💳 [USER_SERVICE] Checking affordability for user {u}, required: {cost}", uf(req))
    bal = get_credits(req, balances[u], " for affordability check", "anon" if f == "anon-client" else "service")
    if bal is None:
        req.log(G, "ERROR", f"❌ [GENERATION] Credit check failed for user {u}: User not found", uf(req))
        req.log("routers.generations", "ERROR", f"❌ [GENERATION] Generation failed for user {u}: 400: User not found")
        finish(req, 400)
        return
    ok = bal >= cost
    req.log("services.user_service", "INFO", f"💳 [USER_SERVICE] Current balance for user {u}: {bal}, required: {cost}")
    req.log("services.user_service", "INFO", f"✅ [USER_SERVICE] Affordability check for user {u}: {ok}")
    req.log(G, "INFO", f"🔍 [GENERATION] can_afford_generation result for user {u}: {ok}")
    if not ok:
        req.log(G, "WARNING", f"⚠️ [GENERATION] Insufficient credits for user {u}: balance {bal}, required {cost}", uf(req))
        finish(req, 400)
        return
    req.log(G, "INFO", f"✅ [GENERATION] Credit check passed for user {u}, proceeding with generation")
    db(req, "insert", "generations", "", status=201)
    req.log(G, "INFO", f"✅ [GENERATION] Generation record created: {gen} for user {u}", gf)
    if f != "gen-no-deduct":
        if not deduct(req, gen, cost, balances, G):
            finish(req, 400)
            return
    req.log(G, "INFO", f"🎨 [GENERATION] Submitting generation {gen} to {model}", gf)
    req.http(180.0 + rng.expovariate(1 / 250.0), "POST", f"{FAL}/{model}", 200, "HTTP/1.1")
    req.log(G, "INFO", f"✅ [GENERATION] Generation {gen} queued, fal request_id: {uuid4(rng)}", gf)
    db(req, "update", "generations", f"?id=eq.{gen}")
    req.log(G, "INFO", f"✅ [GENERATION] Generation {gen} status: processing", gf)
    finish(req, 201)


def deduct(req, gen, cost, balances, G):
    rng, u, f = req.rng, req.user, req.variant
    C, S, R = "services.credit_transaction_service", "services.user_service", "repositories.user_repository"
    req.log(G, "INFO", f"💳 [GENERATION] Starting credit deduction for user {u}, generation {gen}", uf(req))
    req.log(C, "INFO", f"💳 [CREDIT-SERVICE] Atomic credit deduction for user {u}, amount: {cost}, generation {gen}")
    if f == "profile-lookup":
        req.log(R, "INFO", f"💳 [USER_REPO] Getting credits for user {u}")
        # The deduction path's repository was built without the service key: RLS hides the row.
        db(req, "select", "users", f"?select=credits_balance&id=eq.{u}", rows=0, client="anon")
        req.log(R, "ERROR", f"❌ [USER_REPO] User {u} not found")
        req.log(C, "ERROR", f"❌ [CREDIT-SERVICE] Atomic deduction failed for user {u}: User {u} not found")
        req.log(G, "ERROR", f"💳 [GENERATION] Profile lookup failed during credit processing: User {u} not found")
        req.log(G, "ERROR", f"❌ [GENERATION] Generation {gen} failed: Credit processing failed: Profile lookup error")
        return False
    new = balances[u] - cost
    req.log(S, "INFO", f"💳 [USER_SERVICE] Starting credit deduction for user {u}, amount: {cost}")
    req.log(S, "DEBUG", f"🔍 [USER_SERVICE] Calling user_repo.deduct_credits for user {u}")
    req.log(R, "INFO", f"💳 [USER_REPO] Deducting {cost} credits for user {u}, new balance: {new}")
    db(req, "update", "users", f"?id=eq.{u}")
    balances[u] = new
    req.log(S, "INFO", f"✅ [USER_SERVICE] Credits deducted successfully for user {u}", uf(req))
    if f != "deduct-no-tx":
        X = "repositories.credit_repository"
        req.log(X, "INFO", f"🧾 [CREDIT_TX] Recording transaction for user {u}: -{cost} credits, generation {gen}")
        if f == "missing-grant":
            db(req, "insert", "credit_transactions", "", status=403, error=NO_GRANT_TX)
            req.log(X, "ERROR", f"❌ [CREDIT_TX] Failed to record transaction for user {u}: {NO_GRANT_TX}")
            req.log(C, "WARNING", f"⚠️ [CREDIT-SERVICE] Deduction applied but transaction record failed for user {u}, continuing")
        else:
            attempt = ""
            if f == "retry-503":
                db(req, "insert", "credit_transactions", "", status=503, error=UPSTREAM_503)
                req.log(X, "WARNING", f"⚠️ [CREDIT_TX] Insert into credit_transactions failed with 503, "
                        f"retrying in 250ms (attempt 1/3)")
                req.wait(250.0)
                attempt = " (attempt 2/3)"
            db(req, "insert", "credit_transactions", "", status=201)
            req.log(X, "INFO", f"✅ [CREDIT_TX] Transaction {uuid4(rng)} recorded for user {u}{attempt}")
    req.log(C, "INFO", f"✅ [CREDIT-SERVICE] Atomic deduction complete for user {u}, balance: {new}")
    req.log(G, "INFO", f"✅ [GENERATION] Successfully deducted {cost} credits from user {u}", uf(req))
    return True


def poll_flow(req, balances):
    gen = uuid4(req.rng)
    start(req, "GET", f"/api/v1/generations/{gen}")
    req.log("services.generation_service", "INFO", f"🔍 [GENERATION] Fetching generation {gen} for user {req.user}",
            {"user_id": req.user, "attributes": {"generation_id": gen}})
    db(req, "select", "generations", f"?select=*&id=eq.{gen}")
    req.log("services.generation_service", "INFO", f"✅ [GENERATION] Generation {gen} status: completed")
    finish(req, 200)


def grant_flow(req, balances):
    """A billing webhook granting subscription credits (no JWT: the signature is checked)."""
    u = req.user
    start(req, "POST", "/api/v1/webhooks/billing", auth=False)
    amount = (500, 800, 2000)[req.rng.getrandbits(1)]
    C = "services.credit_transaction_service"
    req.log("routers.webhooks", "INFO", "🔐 [AUTH] Webhook signature verified")
    req.log(C, "INFO", f"💳 [CREDIT-SERVICE] Granting {amount} credits to user {u} (subscription_grant)", uf(req))
    req.log("repositories.user_repository", "INFO", f"💳 [USER_REPO] Adding {amount} credits for user {u}")
    db(req, "update", "users", f"?id=eq.{u}")
    balances[u] += amount
    req.log("repositories.credit_repository", "INFO", f"🧾 [CREDIT_TX] Recording transaction for user {u}: +{amount} credits, subscription_grant")
    db(req, "insert", "credit_transactions", "", status=201)
    req.log("repositories.credit_repository", "INFO", f"✅ [CREDIT_TX] Transaction {uuid4(req.rng)} recorded for user {u}")
    req.log(C, "INFO", f"✅ [CREDIT-SERVICE] Successfully granted {amount} credits to user {u}, balance: {balances[u]}")
    finish(req, 200)


def health_flow(req, balances):
    start(req, "GET", "/health", auth=False)
    finish(req, 200)


FLOWS = {"generation": generation_flow, "balance": balance_flow, "poll": poll_flow,
         "profile": profile_flow, "grant": grant_flow, "health": health_flow}
# Share of each request kind in traffic.
MIX = (("generation", 0.28), ("balance", 0.26), ("poll", 0.20), ("profile", 0.10),
       ("grant", 0.04), ("health", 0.12))


def cleanup_job(rng):
    """A background task's lines: they belong to no request (truth label `-`)."""
    req = Request(rng, "-", None, "cleanup", None)
    req.log("services.cleanup", "INFO", "🧹 [CLEANUP] Checking for stale generations")
    db(req, "select", "generations", "?select=id&status=eq.processing", rows=rng.getrandbits(2))
    req.log("services.cleanup", "INFO", "✅ [CLEANUP] Stale generation sweep done")
    return req


STARTUP = (
    ("uvicorn.error", "INFO", "Started server process [1]"),
    ("uvicorn.error", "INFO", "Waiting for application startup."),
    ("database", "INFO", "🔑 [DATABASE] Supabase service client initialized"),
    ("database", "INFO", "🔓 [DATABASE] Supabase anon client initialized"),
    ("main", "INFO", "🚀 Velro API starting, environment: production"),
    ("uvicorn.error", "INFO", "Application startup complete."),
    ("uvicorn.error", "INFO", "Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)"),
)

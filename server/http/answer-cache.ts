import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { gzipSync } from 'node:zlib';
import { realClock, type Clock } from '../common/clock';
import type { Context } from '../graphql/context';
import { dateIn } from '../modules/impact/progress.service';
import { freshnessAt, type DataVersionSource, type Reads, type VersionView } from '../data-version';
import { MAX_TOKENS } from '../graphql/limits';
import { RETRY_AFTER_SECONDS } from '../db/database-unavailable';
import { unavailableAnswer } from '../graphql/service-unavailable';
import type { AuthUser, Authenticator } from './authenticate';
import type { ReadGate } from './read-gate';

/**
 * Whole answers to GraphQL reads, kept as the bytes sent, in front of Apollo. Their gzip is made
 * on the first hit that accepts it, not when storing: the answer that misses is compressed on its
 * way out by the compression middleware, and one that is never asked again is never compressed.
 *
 * A December peak is many people asking the same dashboard between two writes. Executing it again
 * costs little (the SQL results are cached by data version, server/graphql/query-cache.ts), but
 * the way there does not: body parsing, Apollo's parse, validation, cost analysis and plugins,
 * resolvers, serialisation and compression cost CPU on every request. A hit here costs a lookup
 * and one write.
 *
 * Keyed by (who may see it, UTC day, `Accept`, the request body as sent), and served while what
 * it read has not changed:
 * - what it read: the years and areas of the reports (server/graphql/answer-reads.ts), stamped with
 *   the last version that changed them. A report from Poland leaves Brazil's answers and past
 *   years' served; a write without parts (campaigns, snapshots, users) ends every answer. The
 *   version in its `extensions.freshness` is the one it is served at.
 * - who: an answer made only of scope-limited fields (impact, yearComparison, sameDayComparison, campaigns, campaign)
 *   is the same for everyone with the same role and regions (a coordinator's filter is intersected
 *   with their regions inside those fields); anything else is kept per user.
 * - the day: `progress` stands at "today" in its campaign's time zone: an answer that used it is
 *   served only while that date holds there (east of UTC it changes hours before the UTC day).
 * - `Accept`: it decides the content type, which a hit answers with as the miss did.
 * Only POST requests with a JSON body, a query operation (not asking for `sessions`), status 200
 * and no errors are kept. A read that misses waits for its turn to execute (options.gate). The
 * answer's `extensions.freshness.asOf` is when it was computed.
 */
const SCOPED_ROOT_FIELDS = new Set(['impact', 'yearComparison', 'sameDayComparison', 'campaigns', 'campaign', '__typename']);
/** Fields that change without a data version: a new sign-in and a session's last use do not bump it. */
const UNKEPT_ROOT_FIELDS = new Set(['sessions']);
const BODY_LIMIT = 1024 * 1024;
const GZIP_FROM = 1024; // as the compression middleware: smaller answers go as they are

interface Answer {
  /** What the answer read, and the last version that had changed it when it was made. */
  reads: Reads;
  at: number;
  /** The answer's JSON before and after its freshness, which says the version it is served at. */
  around: [string, string];
  asOf: Date;
  /** The version `body` (and `gzip`) say. */
  version: number;
  body: Buffer;
  /** As the miss sent it (known once that response has finished; until then the answer is not served). */
  contentType?: string;
  /** Time zone and the date there that the answer used (Context.todayIn). */
  todayIn: [string, string][];
  /** Made on the first hit that accepts gzip (for bodies of GZIP_FROM bytes or more). */
  gzip?: Buffer;
}

export interface AnswerSlot {
  key: string;
}

export interface AnswerCacheOptions {
  authenticator: Authenticator;
  versions: DataVersionSource;
  /** Bytes of answers kept (raw and gzip together). */
  maxBytes?: number;
  /** The clock campaign progress reads (Context.now); the real one by default. */
  now?: Clock;
  /** Where a read that misses waits its turn to execute (see ReadGate); none: it executes at once. */
  gate?: ReadGate;
}

export class AnswerCache {
  private readonly answers: LRUCache<string, Answer>;
  /** Per request body: does the answer depend on the scope only ('scope'), or on the user ('user')? */
  private readonly audiences = new LRUCache<string, 'scope' | 'user'>({ max: 5000, maxSize: 8 * 1024 * 1024, sizeCalculation: (_, k) => k.length + 16 });
  /** Hits and misses since start, for tests and the benchmark's curiosity. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(private readonly options: AnswerCacheOptions) {
    this.answers = new LRUCache<string, Answer>({
      maxSize: options.maxBytes ?? 32 * 1024 * 1024,
      sizeCalculation: (answer, key) => 2 * answer.body.length + (answer.gzip?.length ?? 0) + key.length + 64,
    });
  }

  /** Express middleware for POST /graphql: answers a hit; on a miss parses the body for express.json's place and lets Apollo run. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      if (!isPlainJson(req)) return next();
      readBody(req, (error, text) => {
        if (error) return next(error);
        let body: unknown;
        try {
          body = JSON.parse(text!);
        } catch {
          return next(Object.assign(new Error('invalid JSON'), { status: 400, type: 'entity.parse.failed' }));
        }
        // express.json sees the request already read and leaves req.body alone
        req.body = body;
        this.lookup(req, res, text!).then(
          (served) => served || next(),
          () => next(), // the database down while authenticating: Apollo answers as it does
        );
      });
    };
  }

  /** Remembers the cache key of a request's context (from the context function). */
  bind(context: Context, res: Response): void {
    const slot = res.locals.answerSlot as AnswerSlot | undefined;
    // on the context itself: Apollo executes a shallow copy of it
    if (slot) context.answerSlot = slot;
  }

  /** Stores answers that may be served again. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ response, contextValue, operation }) => {
          const slot = contextValue.answerSlot;
          if (!slot || operation?.operation !== 'query' || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors || (response.http.status ?? 200) !== 200) return;
          const [view, freshness] = await Promise.all([contextValue.view(), contextValue.freshness()]).catch(() => []);
          if (!view || !freshness) return;
          const reads = contextValue.reads();
          const at = view.changedAt(reads);
          // a slower request made at an older view does not replace a newer answer
          if ((this.answers.peek(slot.key)?.at ?? -1) > at) return;
          // the bytes Apollo sends: the result with its freshness, as JSON, and a newline
          const text = `${JSON.stringify({ ...result, extensions: { ...result.extensions, freshness: null } })}\n`;
          const cut = text.lastIndexOf('"freshness":null') + '"freshness":'.length;
          const around: [string, string] = [text.slice(0, cut), text.slice(cut + 'null'.length)];
          const body = Buffer.from(`${around[0]}${JSON.stringify(freshness)}${around[1]}`);
          this.answers.set(slot.key, { reads, at, around, asOf: freshness.asOf, version: view.version, body, todayIn: [...contextValue.todayIn] });
        },
      }),
    };
  }

  private async lookup(req: Request, res: Response, text: string): Promise<boolean> {
    const { user } = await this.options.authenticator.authenticate(req);
    if (!user) return false; // anonymous: sign-in and errors, nothing worth keeping
    let view = await this.options.versions.view(user.id);
    const audience = this.audience(req.body, text);
    if (!audience) return false;
    const who = audience === 'scope' ? `${user.role}:${scopeOf(user)}` : `user:${user.id}`;
    const now = (this.options.now ?? realClock)();
    const key = `${who}\u0000${now.toISOString().slice(0, 10)}\u0000${req.headers.accept ?? ''}\u0000${text}`;
    let kept = this.fresh(key, view, now);
    if (!kept && this.options.gate) {
      if (!(await this.options.gate.enter(res))) {
        sendBusy(res);
        return true;
      }
      // Under a peak the same page is asked by several readers at once: while this one waited, the
      // read ahead of it may have made its answer. Served then, it costs its place a moment, not an execution.
      view = await this.options.versions.view(user.id);
      kept = this.fresh(key, view, now);
    }
    if (!kept) {
      this.stats.misses++;
      res.locals.answerSlot = { key } satisfies AnswerSlot;
      res.once('finish', () => {
        const stored = this.answers.peek(key);
        const type = res.getHeader('content-type');
        if (stored && !stored.contentType && typeof type === 'string') stored.contentType = type;
      });
      return false;
    }
    this.stats.hits++;
    const hit = this.servedAt(key, kept, view);
    const gzip = hit.body.length >= GZIP_FROM && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') ? this.gzipOf(key, hit) : null;
    const bytes = gzip ?? hit.body;
    res.statusCode = 200;
    res.setHeader('Content-Type', kept.contentType);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('X-Answer-Cache', 'hit');
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', bytes.length);
    res.end(bytes);
    return true;
  }

  /** The answer kept for `key` when it may be served at `view` and `now`: nothing it read has changed, its day holds, and its miss has finished. */
  private fresh(key: string, view: VersionView, now: Date): (Answer & { contentType: string }) | undefined {
    const kept = this.answers.get(key);
    if (!kept?.contentType || view.changedAt(kept.reads) > kept.at || kept.todayIn.some(([zone, date]) => dateIn(zone, now) !== date)) return undefined;
    return kept as Answer & { contentType: string };
  }

  /** The answer saying the version it is served at: rewritten once per version (as a new entry, as gzipOf). */
  private servedAt(key: string, answer: Answer, view: VersionView): Answer {
    if (answer.version === view.version) return answer;
    const freshness = { ...freshnessAt(view), asOf: answer.asOf };
    const body = Buffer.from(`${answer.around[0]}${JSON.stringify(freshness)}${answer.around[1]}`);
    const served = { ...answer, version: view.version, body, gzip: undefined };
    this.answers.set(key, served);
    return served;
  }

  /** The answer's gzip, made on first use and kept (as a new entry: the cache sizes an entry when it is set). */
  private gzipOf(key: string, answer: Answer): Buffer {
    if (answer.gzip) return answer.gzip;
    const gzip = gzipSync(answer.body);
    this.answers.set(key, { ...answer, gzip });
    return gzip;
  }

  /** Whether the answer to this body may be shared by a scope, kept per user, or not kept (null). */
  private audience(body: unknown, text: string): 'scope' | 'user' | null {
    const known = this.audiences.get(text);
    if (known) return known;
    const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string' || (operationName != null && typeof operationName !== 'string')) return null;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: MAX_TOKENS });
    } catch {
      return null; // Apollo answers the error
    }
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    if (!operation || operation.operation !== 'query') return null;
    const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
    const roots = rootFields(operation.selectionSet, fragments, new Set());
    if (roots?.some((f) => UNKEPT_ROOT_FIELDS.has(f))) return null;
    const audience = roots && roots.every((f) => SCOPED_ROOT_FIELDS.has(f)) ? 'scope' : 'user';
    this.audiences.set(text, audience);
    return audience;
  }
}

/** The root field names an operation selects, through fragments; null when a fragment is missing or loops. */
function rootFields(set: SelectionSetNode, fragments: Map<string, SelectionSetNode>, seen: Set<string>): string[] | null {
  const names: string[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) names.push(s.name.value);
    else {
      const inner = s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : fragments.get(s.name.value);
      if (!inner || (s.kind === Kind.FRAGMENT_SPREAD && seen.has(s.name.value))) return null;
      if (s.kind === Kind.FRAGMENT_SPREAD) seen.add(s.name.value);
      const more = rootFields(inner, fragments, seen);
      if (!more) return null;
      names.push(...more);
    }
  }
  return names;
}

function scopeOf(user: AuthUser): string {
  return user.role === 'coordinator' ? JSON.stringify([...user.regions].sort()) : '*';
}

/** A read that waited too long for its turn: busy, as a full read pool answers (the client sends it again). */
function sendBusy(res: Response): void {
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.status(503).json({ errors: [unavailableAnswer()] });
}

/** A POST with a JSON body that is not itself compressed: what Apollo accepts as a JSON request. */
function isPlainJson(req: Request): boolean {
  const type = req.headers['content-type'];
  if (req.method !== 'POST' || !type || req.headers['content-encoding']) return false;
  const media = type.split(';', 1)[0].trim().toLowerCase();
  return media === 'application/json' && (!/charset=/i.test(type) || /charset="?utf-8"?/i.test(type));
}

/** The whole body as UTF-8 text, refused over 1 MB (as express.json would). */
function readBody(req: Request, done: (error: (Error & { status?: number; type?: string }) | null, text?: string) => void): void {
  const declared = Number(req.headers['content-length']);
  if (declared > BODY_LIMIT) {
    req.resume();
    return done(Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' }));
  }
  const chunks: Buffer[] = [];
  let length = 0;
  let failed = false;
  req.on('data', (chunk: Buffer) => {
    if (failed) return;
    length += chunk.length;
    if (length > BODY_LIMIT) {
      failed = true;
      return done(Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' }));
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (!failed) done(null, Buffer.concat(chunks, length).toString('utf8'));
  });
  req.on('error', (error) => {
    if (failed) return;
    failed = true;
    done(Object.assign(error, { status: 400, type: 'request.aborted' }));
  });
}

/**
 * Extracts, for every Terraform resource type the library emits, the attributes whose change forces a replacement
 * (Terraform "ForceNew"), from the provider sources, and writes `lib/insight/replace-forcing.json`.
 *
 *   npm run build && node dist/scripts/extract-replace-forcing.js \
 *     [--azurerm <bare git mirror of terraform-provider-azurerm>] [--kubernetes <bare git mirror of terraform-provider-kubernetes>]
 *
 * The resource types are the deep-path provider imports in `lib/**\/*.ts` (`@cdktf/provider-azurerm/lib/mssql-database`
 * -> `azurerm_mssql_database`; data sources and `provider` skipped), so the list follows the library. The provider
 * sources are read from the mirrors at the fixed tags below with `git show` / `git cat-file` (no work tree needed).
 *
 * How it works: a Go lexer (with Go's semicolon insertion), a small expression/statement parser, and an interpreter
 * that evaluates just enough Go to build the schema values: composite literals of `*schema.Schema`, `*schema.Resource`
 * and `map[string]*schema.Schema`; calls of functions and methods in the same package, in other packages of the
 * provider module and in its vendored modules (e.g. go-azure-helpers' `commonschema.Location()`), with arguments bound
 * to parameters (so kubernetes' `ForceNew: !isUpdatable` resolves per call site); local variables; assignments such as
 * `resource.Schema["x"].Elem.(*pluginsdk.Resource).Schema["y"] = ...`, `s.ForceNew = true` and `delete(m, "k")`;
 * `if`/`else` with conditions it can decide; and `for k, v := range <schema map>`. An attribute is listed in `forceNew`
 * when its own schema has `ForceNew: true`; paths follow Terraform block nesting (`a.b.c`, no indices). A change
 * anywhere inside a listed block also replaces the resource, whether or not the nested attribute is listed.
 * CustomizeDiff replacements are listed in `forceNewIf`: `pluginsdk.ForceNewIfChange(attr, fn)`, `ForceNewIf(attr, fn)`
 * and `<diff>.ForceNew(attr)` calls, found in the resource's CustomizeDiff (untyped) or CustomizeDiff() method (typed)
 * and in same-package functions it references; the condition is the function's return expression or the enclosing
 * `if` conditions, rendered from the source on one line.
 *
 * Known limits (anything it cannot decide is reported under `unresolved`, never guessed):
 * - Feature flags are evaluated as a default 4.x provider runs them: `os.Getenv` returns "" (no environment), so
 *   `features.FivePointOh()` is false and the `if !features.FivePointOh() { ... }` schema changes are applied.
 * - Conditions it cannot decide (`if`, `switch`, non-range `for`) are not executed; if such a skipped branch mentions
 *   `ForceNew`, `Schema` or `Elem` it is reported as unresolved.
 * - Typed resources: only `Arguments()` is read (`Attributes()` are computed-only and cannot force a replacement).
 * - CustomizeDiff: only functions of the resource's own package are followed; a `ForceNew(x)` whose argument is not a
 *   string literal (or a loop variable over a local `[]string{...}`) is reported as unresolved. Conditions are source
 *   text, not a semantic summary; read the provider source (file:line given) for the details.
 * - Package-level variables are evaluated once (Go semantics); generics, goroutines, closures over mutated state,
 *   and terraform-plugin-framework resources are not supported (a framework-only resource type is an error).
 */
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';

export const AZURERM_TAG = 'v4.55.0';
export const KUBERNETES_TAG = 'v2.38.0';
const DEFAULT_MIRRORS = {
  azurerm: '/work/.mirror/hashicorp+terraform-provider-azurerm/repo',
  kubernetes: '/work/.mirror/hashicorp+terraform-provider-kubernetes/repo',
};
const OUTPUT = 'lib/insight/replace-forcing.json';
const GENERATED_BY = 'scripts/extract-replace-forcing.ts';

/**
 * Resources implemented outside the SDKv2 schema this script reads, with their replacement rules as read by hand from
 * the provider source at the tag below. `kubernetes_manifest` is served by the provider's `manifest/` package on
 * terraform-plugin-go: PlanResourceChange (manifest/provider/plan.go) requires a replacement when `manifest.apiVersion`,
 * `manifest.kind` or `manifest.metadata.name` change, and `manifest.metadata.namespace` for a namespaced kind (every
 * kind the library writes); a custom resource without a structural schema would be replaced on any change, which the
 * library does not use (KEDA's CRDs are structural). Paths keep the manifest's own (camelCase) field names.
 */
const HAND_READ: { readonly [type: string]: Entry } = {
  kubernetes_manifest: {
    source: 'manifest/provider/plan.go',
    forceNew: ['manifest.apiVersion', 'manifest.kind', 'manifest.metadata.name', 'manifest.metadata.namespace'],
    forceNewIf: [],
    unresolved: [],
  },
};
const MAX_CONDITION = 300;
const MAX_DEPTH = 60;

type Provider = 'azurerm' | 'kubernetes';

// ---------------------------------------------------------------------------------------------------------------
// Source access: a tag of a bare git mirror

class GoRepo {
  private readonly blobs = new Map<string, string>();
  private readonly packages = new Map<string, GoPackage | null>();
  readonly module: string;

  constructor(readonly dir: string, readonly tag: string) {
    try {
      this.git(['rev-parse', '--verify', '--quiet', `${tag}^{commit}`]);
    } catch {
      throw new Error(`${dir}: tag ${tag} not found (is this a git mirror of the provider?)`);
    }
    const mod = /^module\s+(\S+)/m.exec(this.show('go.mod'));
    if (!mod) throw new Error(`${dir}@${tag}: no module line in go.mod`);
    this.module = mod[1];
  }

  git(args: string[], input?: string): Buffer {
    return execFileSync('git', ['-C', this.dir, ...args], { input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
  }

  show(path: string): string {
    const cached = this.blobs.get(path);
    if (cached !== undefined) return cached;
    const text = this.git(['show', `${this.tag}:${path}`]).toString('utf8');
    this.blobs.set(path, text);
    return text;
  }

  /** Reads many files with one `git cat-file --batch`. */
  showAll(paths: string[]): Map<string, string> {
    const out = new Map<string, string>();
    const missing = paths.filter((p) => !this.blobs.has(p));
    if (missing.length > 0) {
      const buf = this.git(['cat-file', '--batch'], missing.map((p) => `${this.tag}:${p}\n`).join(''));
      let at = 0;
      for (const path of missing) {
        const nl = buf.indexOf(10, at);
        const header = buf.subarray(at, nl).toString('utf8');
        const m = /^\S+ blob (\d+)$/.exec(header);
        if (!m) throw new Error(`git cat-file: unexpected answer for ${path}: ${header}`);
        const size = Number(m[1]);
        this.blobs.set(path, buf.subarray(nl + 1, nl + 1 + size).toString('utf8'));
        at = nl + 1 + size + 1;
      }
    }
    for (const p of paths) out.set(p, this.blobs.get(p) as string);
    return out;
  }

  ls(dir: string, recursive = false): string[] {
    const args = ['ls-tree', '--name-only', ...(recursive ? ['-r'] : []), this.tag, `${dir.replace(/\/$/, '')}/`];
    return this.git(args).toString('utf8').split('\n').filter(Boolean);
  }

  /** The Go package in a directory of the tree (non-test files), or null if there is none. */
  package(dir: string): GoPackage | null {
    if (this.packages.has(dir)) return this.packages.get(dir) as GoPackage | null;
    let files: string[];
    try {
      files = this.ls(dir).filter((p) => p.endsWith('.go') && !p.endsWith('_test.go'));
    } catch {
      files = [];
    }
    const pkg = files.length === 0 ? null : new GoPackage(this, dir, files);
    this.packages.set(dir, pkg);
    return pkg;
  }

  /** The package of an import path: inside this module, or vendored. Null for the standard library and the rest. */
  packageForImport(importPath: string): GoPackage | null {
    if (importPath === this.module) return this.package('.');
    if (importPath.startsWith(`${this.module}/`)) return this.package(importPath.slice(this.module.length + 1));
    return this.package(`vendor/${importPath}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Lexer

type TokKind = 'ident' | 'number' | 'string' | 'char' | 'op' | ';';
interface Token {
  kind: TokKind;
  text: string;
  /** Decoded value of a string literal. */
  value?: string;
  start: number;
  end: number;
  line: number;
}

const KEYWORDS = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto',
  'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var',
]);
const OPS = [
  '<<=', '>>=', '&^=', '...', '&&', '||', '<-', '++', '--', '==', '!=', '<=', '>=', ':=', '+=', '-=', '*=', '/=', '%=',
  '&=', '|=', '^=', '<<', '>>', '&^', '+', '-', '*', '/', '%', '&', '|', '^', '<', '>', '=', '!', '(', ')', '[', ']',
  '{', '}', ',', ';', '.', ':', '~',
];
const NUMBER = /0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]+)?i?|0[bBoO][0-9_]+i?|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?i?|\.[0-9][0-9_]*(?:[eE][+-]?[0-9_]+)?i?/y;

function decodeGoString(body: string): string {
  return body.replace(/\\(?:([abfnrtv\\'"])|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{3}))/g, (_m, c: string, x: string, u: string, U: string, o: string) => {
    if (c) return ({ a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' } as Record<string, string>)[c] ?? c;
    return String.fromCodePoint(parseInt(x ?? u ?? U ?? o, x || u || U ? 16 : 8));
  });
}

function lex(src: string, file: string): Token[] {
  const toks: Token[] = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  const needSemi = (): boolean => {
    const t = toks[toks.length - 1];
    if (!t) return false;
    if (t.kind === 'ident') return !KEYWORDS.has(t.text) || ['break', 'continue', 'fallthrough', 'return'].includes(t.text);
    if (t.kind === 'number' || t.kind === 'string' || t.kind === 'char') return true;
    return t.kind === 'op' && [')', ']', '}', '++', '--'].includes(t.text);
  };
  const semi = (at: number): void => {
    toks.push({ kind: ';', text: ';', start: at, end: at, line });
  };
  while (i < n) {
    const c = src[i];
    if (c === '\n') {
      if (needSemi()) semi(i);
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\ufeff') {
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const j = src.indexOf('*/', i + 2);
      const end = j < 0 ? n : j + 2;
      const newlines = src.slice(i, end).split('\n').length - 1;
      if (newlines > 0 && needSemi()) semi(i);
      line += newlines;
      i = end;
      continue;
    }
    const start = i;
    if (/[A-Za-z_]/.test(c) || c.charCodeAt(0) > 127) {
      i++;
      while (i < n && (/[A-Za-z0-9_]/.test(src[i]) || src.charCodeAt(i) > 127)) i++;
      toks.push({ kind: 'ident', text: src.slice(start, i), start, end: i, line });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src);
      i += m ? m[0].length : 1;
      toks.push({ kind: 'number', text: src.slice(start, i), start, end: i, line });
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < n && src[i] !== c) {
        if (src[i] === '\\') i++;
        if (src[i] === '\n') throw new Error(`${file}:${line}: newline in literal`);
        i++;
      }
      i++;
      const text = src.slice(start, i);
      toks.push({ kind: c === '"' ? 'string' : 'char', text, value: decodeGoString(text.slice(1, -1)), start, end: i, line });
      continue;
    }
    if (c === '`') {
      const j = src.indexOf('`', i + 1);
      if (j < 0) throw new Error(`${file}:${line}: unterminated raw string`);
      i = j + 1;
      const text = src.slice(start, i);
      toks.push({ kind: 'string', text, value: text.slice(1, -1).replace(/\r/g, ''), start, end: i, line });
      line += text.split('\n').length - 1;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new Error(`${file}:${line}: unexpected character ${JSON.stringify(c)}`);
    i += op.length;
    toks.push({ kind: op === ';' ? ';' : 'op', text: op, start, end: i, line });
  }
  if (needSemi()) semi(n);
  return toks;
}

// ---------------------------------------------------------------------------------------------------------------
// Files, packages, declarations

class GoFile {
  readonly toks: Token[];
  /** Index of the matching bracket for every bracket token. */
  readonly match: Int32Array;
  readonly imports = new Map<string, string>();

  constructor(readonly path: string, readonly src: string) {
    this.toks = lex(src, path);
    this.match = new Int32Array(this.toks.length).fill(-1);
    const stack: number[] = [];
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    this.toks.forEach((t, i) => {
      if (t.kind !== 'op') return;
      if (t.text === '(' || t.text === '[' || t.text === '{') stack.push(i);
      else if (pairs[t.text]) {
        const open = stack.pop();
        if (open === undefined || this.toks[open].text !== pairs[t.text]) throw new Error(`${path}:${t.line}: unbalanced ${t.text}`);
        this.match[open] = i;
        this.match[i] = open;
      }
    });
    if (stack.length > 0) throw new Error(`${path}: unbalanced brackets`);
  }

  /** Source text of tokens [s, e) on one line, comments dropped. */
  text(s: number, e: number): string {
    let out = '';
    for (let i = s; i < e; i++) {
      const t = this.toks[i];
      if (t.kind === ';' && t.start === t.end) continue;
      if (out && i > s && t.start > this.toks[i - 1].end) out += ' ';
      out += t.text;
    }
    return out.replace(/\s+/g, ' ');
  }

  where(tok: number): string {
    return `${this.path}:${this.toks[Math.min(tok, this.toks.length - 1)]?.line ?? 0}`;
  }

  /** Index of the next ';' at bracket depth 0 from i (or e). */
  skipToSemi(i: number, e: number): number {
    while (i < e) {
      const t = this.toks[i];
      if (t.kind === ';') return i;
      if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) i = this.match[i];
      i++;
    }
    return e;
  }
}

interface FuncDecl {
  name: string;
  recvType?: string;
  recvName?: string;
  params: string[];
  bodyStart: number;
  bodyEnd: number;
  file: GoFile;
  pkg: GoPackage;
  line: number;
}

interface VarDecl {
  name: string;
  file: GoFile;
  s: number;
  e: number;
  index: number;
}

class GoPackage {
  readonly files: GoFile[] = [];
  readonly funcs = new Map<string, FuncDecl>();
  readonly methods = new Map<string, FuncDecl>();
  readonly vars = new Map<string, VarDecl>();
  readonly varValues = new Map<string, Val>();

  constructor(readonly repo: GoRepo, readonly dir: string, paths: string[]) {
    for (const [path, src] of repo.showAll(paths)) {
      const file = new GoFile(path, src);
      this.files.push(file);
      this.scanTopLevel(file);
    }
  }

  private scanTopLevel(f: GoFile): void {
    const T = f.toks;
    let i = 0;
    while (i < T.length) {
      const t = T[i];
      if (t.kind === 'ident' && t.text === 'import') {
        const [specs, next] = declarationSpecs(f, i);
        i = next;
        for (const [s, e] of specs) {
          const path = T[e - 1].value ?? '';
          const alias = e - s === 2 ? T[s].text : path.split('/').pop() ?? path;
          if (alias !== '_' && alias !== '.') f.imports.set(alias, path);
        }
        continue;
      }
      if (t.kind === 'ident' && t.text === 'func') {
        i = this.scanFunc(f, i);
        continue;
      }
      if (t.kind === 'ident' && t.text === 'var') {
        const [specs, next] = declarationSpecs(f, i);
        i = next;
        for (const [s, e] of specs) {
          const names: string[] = [];
          let k = s;
          while (k < e && T[k].kind === 'ident') {
            names.push(T[k].text);
            if (T[k + 1]?.text !== ',') break;
            k += 2;
          }
          let eq = -1;
          for (let j = s; j < e; j++) {
            if (T[j].text === '=' && T[j].kind === 'op') {
              eq = j;
              break;
            }
            if (T[j].kind === 'op' && (T[j].text === '(' || T[j].text === '[' || T[j].text === '{')) j = f.match[j];
          }
          if (eq >= 0) names.forEach((name, index) => this.vars.set(name, { name, file: f, s: eq + 1, e, index }));
        }
        continue;
      }
      i = f.skipToSemi(i, T.length) + 1;
    }
  }

  private scanFunc(f: GoFile, i: number): number {
    const T = f.toks;
    const line = T[i].line;
    let j = i + 1;
    let recvType: string | undefined;
    let recvName: string | undefined;
    if (T[j]?.text === '(') {
      const close = f.match[j];
      const idents = T.slice(j + 1, close).filter((t) => t.kind === 'ident');
      recvType = idents[idents.length - 1]?.text;
      if (idents.length >= 2) recvName = idents[0].text;
      j = close + 1;
    }
    const name = T[j]?.text;
    j++;
    if (T[j]?.text === '[') j = f.match[j] + 1;
    if (T[j]?.text !== '(') return f.skipToSemi(i, T.length) + 1;
    const params = paramNames(f, j + 1, f.match[j]);
    j = f.match[j] + 1;
    while (j < T.length && !(T[j].text === '{' && T[j].kind === 'op') && T[j].kind !== ';') {
      if (T[j].kind === 'op' && (T[j].text === '(' || T[j].text === '[')) j = f.match[j];
      else if (T[j].kind === 'ident' && (T[j].text === 'interface' || T[j].text === 'struct')) j = f.match[j + 1];
      j++;
    }
    if (T[j]?.text !== '{') return j + 1;
    const close = f.match[j];
    const decl: FuncDecl = { name, recvType, recvName, params, bodyStart: j + 1, bodyEnd: close, file: f, pkg: this, line };
    if (recvType) this.methods.set(`${recvType}.${name}`, decl);
    else this.funcs.set(name, decl);
    return close + 1;
  }
}

function paramNames(f: GoFile, s: number, e: number): string[] {
  const groups: Token[][] = [];
  let cur: Token[] = [];
  for (let i = s; i < e; i++) {
    const t = f.toks[i];
    if (t.kind === 'op' && t.text === ',') {
      groups.push(cur);
      cur = [];
      continue;
    }
    cur.push(t);
    if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) {
      for (let k = i + 1; k <= f.match[i]; k++) cur.push(f.toks[k]);
      i = f.match[i];
    }
  }
  if (cur.length > 0) groups.push(cur);
  const named = groups.some((g) => g.length >= 2 && g[0].kind === 'ident' && g[1].text !== '.');
  return groups.map((g) => (named && g[0].kind === 'ident' ? g[0].text : '_'));
}

// ---------------------------------------------------------------------------------------------------------------
// Parser: expressions and statements over a token range of one file

interface Base {
  s: number;
  e: number;
}
type Expr = Base &
  (
    | { t: 'ident'; name: string }
    | { t: 'lit'; kind: TokKind; value: string }
    | { t: 'sel'; x: Expr; name: string }
    | { t: 'call'; fn: Expr; args: Expr[] }
    | { t: 'index'; x: Expr; index: Expr | null }
    | { t: 'assert'; x: Expr; type: string }
    | { t: 'unary'; op: string; x: Expr }
    | { t: 'binary'; op: string; l: Expr; r: Expr }
    | { t: 'paren'; x: Expr }
    | { t: 'composite'; type: string | null; elts: { key?: Expr; value: Expr }[] }
    | { t: 'funclit'; bodyStart: number; bodyEnd: number }
    | { t: 'type'; text: string }
  );
type Stmt = Base &
  (
    | { t: 'return'; values: Expr[] }
    | { t: 'if'; init?: Stmt; cond: Expr; then: Stmt[]; else?: Stmt[] }
    | { t: 'for'; vars: string[]; range?: Expr; body: Stmt[] }
    | { t: 'switch'; header: string; clauses: { label: string; body: Stmt[] }[] }
    | { t: 'assign'; lhs: Expr[]; op: string; rhs: Expr[] }
    | { t: 'expr'; x: Expr }
    | { t: 'block'; body: Stmt[] }
    | { t: 'opaque'; why: string }
  );

const PREC: Record<string, number> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3, '+': 4, '-': 4, '|': 4, '^': 4,
  '*': 5, '/': 5, '%': 5, '<<': 5, '>>': 5, '&': 5, '&^': 5,
};
const ASSIGN_OPS = new Set(['=', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '&^=']);

class ParseError extends Error {}

class Parser {
  constructor(readonly f: GoFile, public pos: number, readonly end: number) {}

  private peek(k = 0): Token | undefined {
    const i = this.pos + k;
    return i < this.end ? this.f.toks[i] : undefined;
  }

  private is(text: string, k = 0): boolean {
    const t = this.peek(k);
    return !!t && t.kind !== 'string' && t.kind !== 'char' && t.kind !== 'number' && t.text === text;
  }

  private next(): Token {
    if (this.pos >= this.end) throw new ParseError(`${this.f.where(this.pos)}: unexpected end of input`);
    return this.f.toks[this.pos++];
  }

  private expect(text: string): void {
    const t = this.next();
    if (t.text !== text) throw new ParseError(`${this.f.where(this.pos - 1)}: expected ${text}, got ${t.text}`);
  }

  private close(i: number): number {
    const m = this.f.match[i];
    if (m < 0 || m >= this.end) throw new ParseError(`${this.f.where(i)}: no matching bracket in range`);
    return m;
  }

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  // --- expressions

  parseExpr(minPrec = 1): Expr {
    let x = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (!t || t.kind !== 'op') break;
      const p = PREC[t.text];
      if (p === undefined || p < minPrec) break;
      this.pos++;
      const y = this.parseExpr(p + 1);
      x = { t: 'binary', op: t.text, l: x, r: y, s: x.s, e: y.e };
    }
    return x;
  }

  parseExprList(): Expr[] {
    const out = [this.parseExpr()];
    while (this.is(',')) {
      this.pos++;
      out.push(this.parseExpr());
    }
    return out;
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (t && t.kind === 'op' && ['!', '-', '+', '^', '*', '&', '<-'].includes(t.text)) {
      const s = this.pos++;
      const x = this.parseUnary();
      return { t: 'unary', op: t.text, x, s, e: x.e };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const s = this.pos;
    const t = this.next();
    let x: Expr;
    if (t.kind === 'ident') {
      if (t.text === 'func') {
        this.pos = s;
        x = this.parseFuncLitOrType();
      } else if (['map', 'chan', 'struct', 'interface'].includes(t.text)) {
        this.pos = s;
        x = this.parseType();
      } else x = { t: 'ident', name: t.text, s, e: this.pos };
    } else if (t.kind === 'string' || t.kind === 'number' || t.kind === 'char') {
      x = { t: 'lit', kind: t.kind, value: t.value ?? t.text, s, e: this.pos };
    } else if (t.text === '(') {
      const inner = this.parseExpr();
      this.expect(')');
      x = { t: 'paren', x: inner, s, e: this.pos };
    } else if (t.text === '[') {
      this.pos = s;
      x = this.parseType();
    } else throw new ParseError(`${this.f.where(s)}: unexpected ${t.text}`);

    for (;;) {
      if (this.is('.')) {
        this.pos++;
        if (this.is('(')) {
          this.pos++;
          let type = 'type';
          if (this.is('type')) this.pos++;
          else type = this.parseType().text;
          this.expect(')');
          x = { t: 'assert', x, type, s, e: this.pos };
        } else {
          const name = this.next();
          if (name.kind !== 'ident') throw new ParseError(`${this.f.where(this.pos - 1)}: expected selector`);
          x = { t: 'sel', x, name: name.text, s, e: this.pos };
        }
      } else if (this.is('(')) {
        const close = this.close(this.pos);
        this.pos++;
        const args: Expr[] = [];
        while (this.pos < close) {
          args.push(this.parseExpr());
          if (this.is('...')) this.pos++;
          if (this.is(',')) this.pos++;
          else break;
        }
        if (this.pos !== close) throw new ParseError(`${this.f.where(this.pos)}: bad call arguments`);
        this.pos = close + 1;
        x = { t: 'call', fn: x, args, s, e: this.pos };
      } else if (this.is('[')) {
        const close = this.close(this.pos);
        this.pos++;
        let index: Expr | null = null;
        if (!this.is(':')) index = this.parseExpr();
        if (this.pos !== close) index = null; // slice expression or type arguments
        this.pos = close + 1;
        x = { t: 'index', x, index, s, e: this.pos };
      } else if (this.is('{') && (x.t === 'ident' || x.t === 'type' || (x.t === 'sel' && x.x.t === 'ident'))) {
        x = this.parseCompositeBody(this.f.text(x.s, x.e), s);
      } else break;
    }
    return x;
  }

  private parseCompositeBody(type: string | null, s: number): Expr {
    const close = this.close(this.pos);
    this.pos++;
    const elts: { key?: Expr; value: Expr }[] = [];
    while (this.pos < close) {
      const first = this.parseElement();
      if (this.is(':')) {
        this.pos++;
        elts.push({ key: first, value: this.parseElement() });
      } else elts.push({ value: first });
      if (this.is(',')) this.pos++;
      else if (this.pos !== close) throw new ParseError(`${this.f.where(this.pos)}: bad composite literal`);
    }
    this.pos = close + 1;
    return { t: 'composite', type, elts, s, e: this.pos };
  }

  private parseElement(): Expr {
    if (this.is('{')) return this.parseCompositeBody(null, this.pos);
    return this.parseExpr();
  }

  private startsType(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.kind === 'ident') return !KEYWORDS.has(t.text) || ['map', 'chan', 'func', 'interface', 'struct'].includes(t.text);
    return t.kind === 'op' && ['*', '[', '(', '<-'].includes(t.text);
  }

  private parseFuncLitOrType(): Expr {
    const s = this.pos;
    this.expect('func');
    if (!this.is('(')) throw new ParseError(`${this.f.where(this.pos)}: expected (`);
    this.pos = this.close(this.pos) + 1;
    if (this.is('(')) this.pos = this.close(this.pos) + 1;
    else if (!this.is('{') && this.startsType()) this.parseType();
    if (this.is('{')) {
      const close = this.close(this.pos);
      const lit: Expr = { t: 'funclit', bodyStart: this.pos + 1, bodyEnd: close, s, e: close + 1 };
      this.pos = close + 1;
      return lit;
    }
    return { t: 'type', text: this.f.text(s, this.pos), s, e: this.pos };
  }

  parseType(): Expr & { t: 'type' } {
    const s = this.pos;
    const t = this.next();
    if (t.text === '*' || t.text === '...') this.parseType();
    else if (t.text === '[') {
      this.pos = this.close(s) + 1;
      this.parseType();
    } else if (t.text === '(') this.pos = this.close(s) + 1;
    else if (t.text === '<-') {
      this.expect('chan');
      this.parseType();
    } else if (t.kind === 'ident') {
      if (t.text === 'map') {
        if (!this.is('[')) throw new ParseError(`${this.f.where(this.pos)}: expected [`);
        this.pos = this.close(this.pos) + 1;
        this.parseType();
      } else if (t.text === 'chan') {
        if (this.is('<-')) this.pos++;
        this.parseType();
      } else if (t.text === 'func') {
        if (!this.is('(')) throw new ParseError(`${this.f.where(this.pos)}: expected (`);
        this.pos = this.close(this.pos) + 1;
        if (this.is('(')) this.pos = this.close(this.pos) + 1;
        else if (!this.is('{') && this.startsType()) this.parseType();
      } else if (t.text === 'interface' || t.text === 'struct') {
        if (!this.is('{')) throw new ParseError(`${this.f.where(this.pos)}: expected {`);
        this.pos = this.close(this.pos) + 1;
      } else if (this.is('.') && this.peek(1)?.kind === 'ident') this.pos += 2;
    } else throw new ParseError(`${this.f.where(s)}: expected a type, got ${t.text}`);
    return { t: 'type', text: this.f.text(s, this.pos), s, e: this.pos };
  }

  // --- statements

  parseBlock(): Stmt[] {
    const out: Stmt[] = [];
    while (this.pos < this.end) {
      if (this.is(';')) {
        this.pos++;
        continue;
      }
      out.push(this.parseStmt());
    }
    return out;
  }

  private endStmt(): void {
    if (this.pos < this.end) {
      if (this.is(';')) this.pos++;
      else throw new ParseError(`${this.f.where(this.pos)}: expected end of statement, got ${this.peek()?.text}`);
    }
  }

  private parseStmt(): Stmt {
    const s = this.pos;
    try {
      const st = this.parseStmtInner();
      this.endStmt();
      return st;
    } catch (err) {
      if (!(err instanceof ParseError)) throw err;
      this.pos = this.f.skipToSemi(s, this.end);
      const e = this.pos;
      if (this.pos < this.end) this.pos++;
      return { t: 'opaque', why: `not parsed (${err.message})`, s, e };
    }
  }

  private parseStmtInner(): Stmt {
    const s = this.pos;
    const t = this.peek() as Token;
    if (t.kind === 'ident') {
      switch (t.text) {
        case 'return': {
          this.pos++;
          const values = this.is(';') || this.atEnd() ? [] : this.parseExprList();
          return { t: 'return', values, s, e: this.pos };
        }
        case 'if':
          return this.parseIf();
        case 'for':
          return this.parseFor();
        case 'switch':
        case 'select':
          return this.parseSwitch();
        case 'var':
          return this.parseVar();
        case 'const':
        case 'type':
        case 'go':
        case 'defer':
        case 'goto':
        case 'break':
        case 'continue':
        case 'fallthrough':
          this.pos = this.f.skipToSemi(s, this.end);
          return { t: 'opaque', why: t.text, s, e: this.pos };
      }
    }
    if (this.is('{')) {
      const close = this.close(this.pos);
      const body = new Parser(this.f, this.pos + 1, close).parseBlock();
      this.pos = close + 1;
      return { t: 'block', body, s, e: this.pos };
    }
    return this.parseSimple();
  }

  parseSimple(): Stmt {
    const s = this.pos;
    const lhs = this.parseExprList();
    const t = this.peek();
    if (t && t.kind === 'op' && ASSIGN_OPS.has(t.text)) {
      this.pos++;
      const rhs = this.parseExprList();
      return { t: 'assign', lhs, op: t.text, rhs, s, e: this.pos };
    }
    if (this.is('++') || this.is('--')) {
      this.pos++;
      return { t: 'opaque', why: 'inc/dec', s, e: this.pos };
    }
    if (this.is(':') && lhs.length === 1 && lhs[0].t === 'ident') {
      this.pos++;
      return { t: 'opaque', why: 'label', s, e: this.pos };
    }
    if (this.is('<-')) {
      this.pos = this.f.skipToSemi(s, this.end);
      return { t: 'opaque', why: 'send', s, e: this.pos };
    }
    if (lhs.length !== 1) throw new ParseError(`${this.f.where(s)}: expression list as statement`);
    return { t: 'expr', x: lhs[0], s, e: this.pos };
  }

  /** The '{' opening the block of an if/for/switch whose header starts at i. */
  private blockOpen(i: number): number {
    const T = this.f.toks;
    while (i < this.end) {
      const t = T[i];
      if (t.kind === 'op') {
        if (t.text === '(' || t.text === '[') i = this.close(i);
        else if (t.text === '{') {
          const close = this.close(i);
          // a composite literal in the header (e.g. `range []string{...} {`) is followed by the block's '{'
          if (T[close + 1]?.text === '{' && T[close + 1].kind === 'op') i = close;
          else return i;
        }
      }
      i++;
    }
    throw new ParseError(`${this.f.where(i)}: no block`);
  }

  /** Splits [s, e) at ';' tokens of depth 0. */
  private splitHeader(s: number, e: number): [number, number][] {
    const parts: [number, number][] = [];
    let at = s;
    while (at <= e) {
      const semi = this.f.skipToSemi(at, e);
      parts.push([at, semi]);
      at = semi + 1;
    }
    return parts;
  }

  private parseIf(): Stmt {
    const s = this.pos;
    this.expect('if');
    const open = this.blockOpen(this.pos);
    const parts = this.splitHeader(this.pos, open);
    let init: Stmt | undefined;
    if (parts.length === 2) init = new Parser(this.f, parts[0][0], parts[0][1]).parseSimple();
    const [cs, ce] = parts[parts.length - 1];
    const cp = new Parser(this.f, cs, ce);
    const cond = cp.parseExpr();
    if (!cp.atEnd()) throw new ParseError(`${this.f.where(cp.pos)}: bad if condition`);
    const close = this.close(open);
    const then = new Parser(this.f, open + 1, close).parseBlock();
    this.pos = close + 1;
    let elseBody: Stmt[] | undefined;
    if (this.is('else')) {
      this.pos++;
      if (this.is('if')) elseBody = [this.parseIf()];
      else {
        if (!this.is('{')) throw new ParseError(`${this.f.where(this.pos)}: expected else block`);
        const ec = this.close(this.pos);
        elseBody = new Parser(this.f, this.pos + 1, ec).parseBlock();
        this.pos = ec + 1;
      }
    }
    return { t: 'if', init, cond, then, else: elseBody, s, e: this.pos };
  }

  private parseFor(): Stmt {
    const s = this.pos;
    this.expect('for');
    const open = this.blockOpen(this.pos);
    let rangeAt = -1;
    for (let i = this.pos; i < open; i++) {
      const t = this.f.toks[i];
      if (t.kind === 'ident' && t.text === 'range') {
        rangeAt = i;
        break;
      }
      if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) i = this.close(i);
    }
    const vars: string[] = [];
    let range: Expr | undefined;
    if (rangeAt >= 0) {
      for (let i = this.pos; i < rangeAt; i++) {
        const t = this.f.toks[i];
        if (t.kind === 'ident') vars.push(t.text);
      }
      const rp = new Parser(this.f, rangeAt + 1, open);
      range = rp.parseExpr();
    }
    const close = this.close(open);
    const body = new Parser(this.f, open + 1, close).parseBlock();
    this.pos = close + 1;
    return { t: 'for', vars, range, body, s, e: this.pos };
  }

  private parseSwitch(): Stmt {
    const s = this.pos;
    this.pos++;
    const open = this.blockOpen(this.pos);
    const header = `${this.f.toks[s].text} ${this.f.text(this.pos, open)}`.trim();
    const close = this.close(open);
    const T = this.f.toks;
    const clauses: { label: string; body: Stmt[] }[] = [];
    let i = open + 1;
    while (i < close) {
      const t = T[i];
      if (t.kind === ';') {
        i++;
        continue;
      }
      if (t.kind !== 'ident' || (t.text !== 'case' && t.text !== 'default')) throw new ParseError(`${this.f.where(i)}: expected case`);
      let colon = i + 1;
      while (colon < close && !(T[colon].kind === 'op' && T[colon].text === ':')) {
        if (T[colon].kind === 'op' && ['(', '[', '{'].includes(T[colon].text)) colon = this.close(colon);
        colon++;
      }
      const label = t.text === 'default' ? 'default' : `case ${this.f.text(i + 1, colon)}`;
      let j = colon + 1;
      while (j < close && !(T[j].kind === 'ident' && (T[j].text === 'case' || T[j].text === 'default'))) {
        if (T[j].kind === 'op' && ['(', '[', '{'].includes(T[j].text)) j = this.close(j);
        j++;
      }
      clauses.push({ label, body: new Parser(this.f, colon + 1, j).parseBlock() });
      i = j;
    }
    this.pos = close + 1;
    return { t: 'switch', header, clauses, s, e: this.pos };
  }

  private parseVar(): Stmt {
    const s = this.pos;
    this.expect('var');
    if (this.is('(')) {
      const close = this.close(this.pos);
      const body: Stmt[] = [];
      let at = this.pos + 1;
      while (at < close) {
        const e = this.f.skipToSemi(at, close);
        if (e > at) body.push(this.varSpec(at, e));
        at = e + 1;
      }
      this.pos = close + 1;
      return { t: 'block', body, s, e: this.pos };
    }
    const e = this.f.skipToSemi(this.pos, this.end);
    const st = this.varSpec(this.pos, e);
    this.pos = e;
    return { ...st, s };
  }

  private varSpec(s: number, e: number): Stmt {
    const T = this.f.toks;
    const lhs: Expr[] = [];
    let i = s;
    while (i < e && T[i].kind === 'ident') {
      lhs.push({ t: 'ident', name: T[i].text, s: i, e: i + 1 });
      if (T[i + 1]?.text !== ',') break;
      i += 2;
    }
    let eq = -1;
    for (let j = s; j < e; j++) {
      if (T[j].kind === 'op' && T[j].text === '=') {
        eq = j;
        break;
      }
      if (T[j].kind === 'op' && ['(', '[', '{'].includes(T[j].text)) j = this.close(j);
    }
    const rhs = eq < 0 ? [] : new Parser(this.f, eq + 1, e).parseExprList();
    return { t: 'assign', lhs, op: ':=', rhs, s, e };
  }
}

const bodyCache = new Map<string, Stmt[]>();
function parseBody(f: GoFile, s: number, e: number): Stmt[] {
  const key = `${f.path}:${s}`;
  let body = bodyCache.get(key);
  if (!body) {
    body = new Parser(f, s, e).parseBlock();
    bodyCache.set(key, body);
  }
  return body;
}

// ---------------------------------------------------------------------------------------------------------------
// Interpreter for schema-building code

interface SchemaObj {
  k: 'schema';
  forceNew?: Val;
  forceNewText?: string;
  elem?: Val;
  where: string;
}
interface ResourceObj {
  k: 'resource';
  schema?: Val;
  customizeDiff?: { expr: Expr; file: GoFile; pkg: GoPackage };
}
type Val =
  | { k: 'bool'; v: boolean }
  | { k: 'str'; v: string }
  | { k: 'strs'; v: string[] }
  | { k: 'map'; m: Map<string, Val> }
  | SchemaObj
  | ResourceObj
  | { k: 'recv'; type: string }
  | { k: 'unknown'; why: string };

class Env {
  private readonly vars = new Map<string, Val>();
  constructor(private readonly parent?: Env) {}
  lookup(name: string): Val | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }
  has(name: string): boolean {
    return this.vars.has(name) || !!this.parent?.has(name);
  }
  define(name: string, v: Val): void {
    if (name !== '_') this.vars.set(name, v);
  }
  set(name: string, v: Val): void {
    if (name === '_') return;
    if (this.vars.has(name) || !this.parent?.has(name)) this.vars.set(name, v);
    else this.parent.set(name, v);
  }
}

interface Ctx {
  pkg: GoPackage;
  file: GoFile;
  env: Env;
  fn: string;
  depth: number;
}

const unknown = (why: string): Val => ({ k: 'unknown', why });
const isSchemaMapType = (t: string): boolean => /^map\[string\]\*?(\w+\.)?Schema$/.test(t);
const isSchemaType = (t: string): boolean => /^\*?(\w+\.)?Schema$/.test(t);
const isResourceType = (t: string): boolean => /^\*?(\w+\.)?Resource$/.test(t);

class Interpreter {
  /** Notes about code that could not be evaluated and may affect the schema; reset per resource. */
  notes = new Set<string>();

  note(ctx: Ctx, tok: number, msg: string): void {
    this.notes.add(`${ctx.file.where(tok)} ${ctx.fn}: ${msg}`);
  }

  private mentionsSchema(f: GoFile, s: number, e: number): boolean {
    for (let i = s; i < e; i++) {
      const t = f.toks[i];
      if (t.kind === 'ident' && (t.text === 'ForceNew' || t.text === 'Schema' || t.text === 'Elem')) return true;
    }
    return false;
  }

  callFunc(decl: FuncDecl, args: Val[], depth: number, recv?: Val): Val {
    if (depth > MAX_DEPTH) return unknown(`call depth limit reached at ${decl.name}()`);
    const env = new Env();
    decl.params.forEach((p, i) => env.define(p, args[i] ?? unknown(`missing argument ${p}`)));
    if (recv && decl.recvName) env.define(decl.recvName, recv);
    const ctx: Ctx = { pkg: decl.pkg, file: decl.file, env, fn: `${decl.recvType ? `(${decl.recvType}).` : ''}${decl.name}()`, depth };
    const flow = this.execBlock(parseBody(decl.file, decl.bodyStart, decl.bodyEnd), ctx);
    return flow ?? unknown(`no return evaluated in ${ctx.fn} (${decl.file.path}:${decl.line})`);
  }

  /** Runs statements; returns the returned value, or undefined if the block completes. */
  execBlock(stmts: Stmt[], ctx: Ctx): Val | undefined {
    for (const st of stmts) {
      const r = this.exec(st, ctx);
      if (r) return r;
    }
    return undefined;
  }

  private child(ctx: Ctx): Ctx {
    return { ...ctx, env: new Env(ctx.env) };
  }

  private exec(st: Stmt, ctx: Ctx): Val | undefined {
    switch (st.t) {
      case 'return':
        return st.values.length > 0 ? this.eval(st.values[0], ctx) : unknown('bare return');
      case 'assign':
        this.execAssign(st, ctx);
        return undefined;
      case 'expr':
        if (st.x.t === 'call') this.eval(st.x, ctx);
        return undefined;
      case 'block':
        return this.execBlock(st.body, this.child(ctx));
      case 'if': {
        const inner = this.child(ctx);
        if (st.init) this.exec(st.init, inner);
        const c = this.eval(st.cond, inner);
        if (c.k === 'bool') {
          if (c.v) return this.execBlock(st.then, this.child(inner));
          return st.else ? this.execBlock(st.else, this.child(inner)) : undefined;
        }
        if (this.mentionsSchema(ctx.file, st.s, st.e)) {
          this.note(ctx, st.s, `branches under undecided condition \`${ctx.file.text(st.cond.s, st.cond.e)}\` not evaluated`);
        }
        return undefined;
      }
      case 'for': {
        const r = st.range ? this.eval(st.range, ctx) : undefined;
        if (r && (r.k === 'map' || r.k === 'strs')) {
          const items: [Val, Val][] = r.k === 'map' ? [...r.m].map(([k, v]) => [{ k: 'str', v: k }, v]) : r.v.map((v, i) => [unknown(`index ${i}`), { k: 'str', v }]);
          for (const [key, value] of items) {
            const inner = this.child(ctx);
            if (st.vars[0]) inner.env.define(st.vars[0], key);
            if (st.vars[1]) inner.env.define(st.vars[1], value);
            const ret = this.execBlock(st.body, inner);
            if (ret) return ret;
          }
          return undefined;
        }
        if (this.mentionsSchema(ctx.file, st.s, st.e)) this.note(ctx, st.s, `loop \`${ctx.file.text(st.s, st.s + 12)}…\` not evaluated`);
        return undefined;
      }
      case 'switch':
        if (this.mentionsSchema(ctx.file, st.s, st.e)) this.note(ctx, st.s, `\`${st.header}\` not evaluated`);
        return undefined;
      case 'opaque':
        if (this.mentionsSchema(ctx.file, st.s, st.e)) this.note(ctx, st.s, `statement not evaluated: ${st.why}`);
        return undefined;
    }
  }

  private execAssign(st: Stmt & { t: 'assign' }, ctx: Ctx): void {
    if (st.op !== '=' && st.op !== ':=') return;
    if (st.rhs.length === 0) {
      for (const l of st.lhs) if (l.t === 'ident') ctx.env.define(l.name, unknown(`zero value of ${l.name}`));
      return;
    }
    if (st.lhs.length !== st.rhs.length) {
      if (st.rhs.length === 1) this.eval(st.rhs[0], ctx);
      for (const l of st.lhs) if (l.t === 'ident') ctx.env[st.op === ':=' ? 'define' : 'set'](l.name, unknown(`multi-value ${ctx.file.text(st.rhs[0].s, st.rhs[0].e)}`));
      return;
    }
    const values = st.rhs.map((r) => this.eval(r, ctx));
    st.lhs.forEach((l, i) => this.assignTo(l, values[i], st.op, st.rhs[i], ctx));
  }

  private assignTo(target: Expr, v: Val, op: string, rhs: Expr, ctx: Ctx): void {
    if (target.t === 'ident') {
      if (op === ':=') ctx.env.define(target.name, v);
      else ctx.env.set(target.name, v);
      return;
    }
    if (target.t === 'index' && target.index) {
      const m = this.eval(target.x, ctx);
      const key = this.eval(target.index, ctx);
      if (m.k === 'map' && key.k === 'str') m.m.set(key.v, v);
      else if (v.k === 'schema' || v.k === 'unknown') this.note(ctx, target.s, `assignment to \`${ctx.file.text(target.s, target.e)}\` not applied (${m.k === 'unknown' ? m.why : 'key not resolved'})`);
      return;
    }
    if (target.t === 'sel') {
      const o = this.eval(target.x, ctx);
      if (o.k === 'schema') {
        if (target.name === 'ForceNew') {
          o.forceNew = v;
          o.forceNewText = `${ctx.file.text(rhs.s, rhs.e)} (${ctx.file.where(rhs.s)})`;
        } else if (target.name === 'Elem') o.elem = v;
      } else if (o.k === 'resource') {
        if (target.name === 'Schema') o.schema = v;
        else if (target.name === 'CustomizeDiff') o.customizeDiff = { expr: rhs, file: ctx.file, pkg: ctx.pkg };
      } else if (o.k === 'unknown' && ['ForceNew', 'Elem', 'Schema'].includes(target.name)) {
        this.note(ctx, target.s, `assignment to \`${ctx.file.text(target.s, target.e)}\` not applied (${o.why})`);
      }
    }
  }

  private unknownAt(ctx: Ctx, x: Expr, why?: string): Val {
    return unknown(`\`${ctx.file.text(x.s, x.e).slice(0, 120)}\`${why ? ` ${why}` : ''} at ${ctx.file.where(x.s)}`);
  }

  eval(x: Expr, ctx: Ctx): Val {
    switch (x.t) {
      case 'paren':
      case 'assert':
        return this.eval(x.x, ctx);
      case 'lit':
        return x.kind === 'string' ? { k: 'str', v: x.value } : this.unknownAt(ctx, x);
      case 'ident': {
        if (x.name === 'true' || x.name === 'false') {
          if (!ctx.env.has(x.name)) return { k: 'bool', v: x.name === 'true' };
        }
        const local = ctx.env.lookup(x.name);
        if (local) return local;
        if (ctx.pkg.vars.has(x.name)) return this.packageVar(ctx.pkg, x.name, ctx.depth);
        return this.unknownAt(ctx, x, 'is not resolved');
      }
      case 'unary': {
        const v = this.eval(x.x, ctx);
        if (x.op === '!') return v.k === 'bool' ? { k: 'bool', v: !v.v } : v.k === 'unknown' ? v : this.unknownAt(ctx, x);
        if (x.op === '&' || x.op === '*') return v;
        return this.unknownAt(ctx, x);
      }
      case 'binary': {
        const l = this.eval(x.l, ctx);
        if (x.op === '&&' || x.op === '||') {
          if (l.k === 'bool' && l.v === (x.op === '||')) return l;
          const r = this.eval(x.r, ctx);
          if (r.k === 'bool' && r.v === (x.op === '||')) return r;
          if (l.k === 'bool' && r.k === 'bool') return { k: 'bool', v: x.op === '||' ? l.v || r.v : l.v && r.v };
          return this.unknownAt(ctx, x, 'is not decided');
        }
        const r = this.eval(x.r, ctx);
        if ((x.op === '==' || x.op === '!=') && (l.k === 'str' || l.k === 'bool') && l.k === r.k) return { k: 'bool', v: (l.v === r.v) === (x.op === '==') };
        return this.unknownAt(ctx, x, 'is not decided');
      }
      case 'composite':
        return this.evalComposite(x, x.type, ctx);
      case 'call':
        return this.evalCall(x, ctx);
      case 'index': {
        if (!x.index) return this.unknownAt(ctx, x);
        const m = this.eval(x.x, ctx);
        const key = this.eval(x.index, ctx);
        if (m.k === 'map' && key.k === 'str') return m.m.get(key.v) ?? this.unknownAt(ctx, x, 'is not in the map');
        return m.k === 'unknown' ? m : this.unknownAt(ctx, x);
      }
      case 'sel': {
        if (x.x.t === 'ident' && !ctx.env.has(x.x.name)) {
          const path = ctx.file.imports.get(x.x.name);
          if (path) {
            const pkg = ctx.pkg.repo.packageForImport(path);
            if (pkg?.vars.has(x.name)) return this.packageVar(pkg, x.name, ctx.depth);
            return this.unknownAt(ctx, x, 'is not resolved');
          }
        }
        const o = this.eval(x.x, ctx);
        if (o.k === 'schema') {
          if (x.name === 'Elem') return o.elem ?? this.unknownAt(ctx, x, 'is not set');
          if (x.name === 'ForceNew') return o.forceNew ?? { k: 'bool', v: false };
        }
        if (o.k === 'resource' && x.name === 'Schema') return o.schema ?? this.unknownAt(ctx, x, 'is not set');
        return o.k === 'unknown' ? o : this.unknownAt(ctx, x);
      }
      case 'funclit':
        return unknown(`function literal at ${ctx.file.where(x.s)}`);
      case 'type':
        return this.unknownAt(ctx, x);
    }
  }

  private packageVar(pkg: GoPackage, name: string, depth: number): Val {
    const cached = pkg.varValues.get(name);
    if (cached) return cached;
    const d = pkg.vars.get(name) as VarDecl;
    pkg.varValues.set(name, unknown(`package variable ${name} refers to itself`));
    let v: Val;
    try {
      const values = new Parser(d.file, d.s, d.e).parseExprList();
      const ctx: Ctx = { pkg, file: d.file, env: new Env(), fn: `var ${name}`, depth: depth + 1 };
      v = values.length > d.index ? this.eval(values[d.index], ctx) : unknown(`package variable ${name} is multi-valued`);
    } catch (err) {
      if (!(err instanceof ParseError)) throw err;
      v = unknown(`package variable ${name}: ${err.message}`);
    }
    pkg.varValues.set(name, v);
    return v;
  }

  private evalComposite(x: Expr & { t: 'composite' }, type: string | null, ctx: Ctx, elided?: string): Val {
    const t = type ?? elided ?? '';
    if (isSchemaType(t)) {
      const obj: SchemaObj = { k: 'schema', where: ctx.file.where(x.s) };
      for (const { key, value } of x.elts) {
        if (key?.t !== 'ident') continue;
        if (key.name === 'ForceNew') {
          obj.forceNew = this.eval(value, ctx);
          obj.forceNewText = `${ctx.file.text(value.s, value.e)} (${ctx.file.where(value.s)})`;
        } else if (key.name === 'Elem') obj.elem = value.t === 'composite' && value.type === null ? unknown('untyped Elem') : this.eval(value, ctx);
      }
      return obj;
    }
    if (isResourceType(t)) {
      const obj: ResourceObj = { k: 'resource' };
      for (const { key, value } of x.elts) {
        if (key?.t !== 'ident') continue;
        if (key.name === 'Schema') obj.schema = this.eval(value, ctx);
        else if (key.name === 'CustomizeDiff') obj.customizeDiff = { expr: value, file: ctx.file, pkg: ctx.pkg };
      }
      return obj;
    }
    if (isSchemaMapType(t)) {
      const m = new Map<string, Val>();
      const valueType = t.replace(/^map\[string\]/, '');
      for (const { key, value } of x.elts) {
        const k = key ? this.eval(key, ctx) : unknown('missing key');
        const v = value.t === 'composite' && value.type === null ? this.evalComposite(value, null, ctx, valueType) : this.eval(value, ctx);
        if (k.k === 'str') m.set(k.v, v);
        else this.note(ctx, value.s, `schema map key \`${key ? ctx.file.text(key.s, key.e) : '?'}\` not resolved`);
      }
      return { k: 'map', m };
    }
    if (t === '[]string') {
      const v: string[] = [];
      for (const { value } of x.elts) {
        const s = this.eval(value, ctx);
        if (s.k !== 'str') return this.unknownAt(ctx, x);
        v.push(s.v);
      }
      return { k: 'strs', v };
    }
    return unknown(`composite literal of type ${t || '(elided)'} at ${ctx.file.where(x.s)}`);
  }

  private evalCall(x: Expr & { t: 'call' }, ctx: Ctx): Val {
    const fn = x.fn;
    const args = (): Val[] => x.args.map((a) => this.eval(a, ctx));
    if (fn.t === 'ident' && !ctx.env.has(fn.name)) {
      switch (fn.name) {
        case 'make': {
          const t = x.args[0];
          return t && t.t === 'type' && isSchemaMapType(t.text) ? { k: 'map', m: new Map() } : this.unknownAt(ctx, x);
        }
        case 'delete': {
          const [m, key] = args();
          if (m?.k === 'map' && key?.k === 'str') m.m.delete(key.v);
          else this.note(ctx, x.s, `\`${ctx.file.text(x.s, x.e)}\` not applied`);
          return unknown('delete');
        }
        case 'string': {
          const [v] = args();
          return v?.k === 'str' ? v : this.unknownAt(ctx, x);
        }
      }
      const decl = ctx.pkg.funcs.get(fn.name);
      if (decl) return this.callFunc(decl, args(), ctx.depth + 1);
      return this.unknownAt(ctx, x, 'is not resolved');
    }
    if (fn.t === 'funclit') {
      // an immediately invoked function literal: a closure over the current scope
      if (ctx.depth > MAX_DEPTH) return unknown(`call depth limit reached at ${ctx.file.where(x.s)}`);
      const ret = this.execBlock(parseBody(ctx.file, fn.bodyStart, fn.bodyEnd), { ...this.child(ctx), depth: ctx.depth + 1 });
      return ret ?? this.unknownAt(ctx, x, 'returns nothing evaluated');
    }
    if (fn.t === 'sel') {
      if (fn.x.t === 'ident' && !ctx.env.has(fn.x.name)) {
        const path = ctx.file.imports.get(fn.x.name);
        if (path) {
          // the standard library, evaluated as a provider run without environment variables
          if (path === 'os' && fn.name === 'Getenv') return { k: 'str', v: '' };
          if (path === 'strings' && fn.name === 'EqualFold') {
            const [a, b] = args();
            return a?.k === 'str' && b?.k === 'str' ? { k: 'bool', v: a.v.toLowerCase() === b.v.toLowerCase() } : this.unknownAt(ctx, x);
          }
          const decl = ctx.pkg.repo.packageForImport(path)?.funcs.get(fn.name);
          if (decl) return this.callFunc(decl, args(), ctx.depth + 1);
          return this.unknownAt(ctx, x, `is not resolved (${path})`);
        }
      }
      let recvType: string | undefined;
      let recv: Val | undefined;
      if (fn.x.t === 'composite' && fn.x.type && /^\w+$/.test(fn.x.type)) {
        recvType = fn.x.type;
        recv = { k: 'recv', type: recvType };
      } else {
        const o = this.eval(fn.x, ctx);
        if (o.k === 'recv') {
          recvType = o.type;
          recv = o;
        }
      }
      const decl = recvType ? ctx.pkg.methods.get(`${recvType}.${fn.name}`) : undefined;
      if (decl) return this.callFunc(decl, args(), ctx.depth + 1, recv);
    }
    return this.unknownAt(ctx, x, 'is not resolved');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Collecting the result

interface ForceNewIf {
  attribute: string;
  condition: string;
}
interface Entry {
  source: string;
  forceNew: string[];
  forceNewIf: ForceNewIf[];
  unresolved: string[];
}

function walkSchema(m: Map<string, Val>, prefix: string, forceNew: Set<string>, unresolved: Set<string>): void {
  for (const [key, v] of m) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (v.k !== 'schema') {
      unresolved.add(`${path}: schema not resolved: ${v.k === 'unknown' ? v.why : v.k}`);
      continue;
    }
    if (v.forceNew) {
      if (v.forceNew.k === 'bool') {
        if (v.forceNew.v) forceNew.add(path);
      } else unresolved.add(`${path}: ForceNew is ${v.forceNewText ?? '?'}, not resolved: ${v.forceNew.k === 'unknown' ? v.forceNew.why : v.forceNew.k}`);
    }
    const elem = v.elem;
    if (!elem || elem.k === 'schema') continue;
    if (elem.k === 'resource') {
      if (elem.schema?.k === 'map') walkSchema(elem.schema.m, path, forceNew, unresolved);
      else unresolved.add(`${path}: nested block schema not resolved: ${elem.schema?.k === 'unknown' ? elem.schema.why : 'missing'}`);
    } else unresolved.add(`${path}: Elem not resolved: ${elem.k === 'unknown' ? elem.why : elem.k}`);
  }
}

/** A condition's source text, parenthesized when it is a disjunction (conditions are joined with &&). */
const condText = (c: Expr, f: GoFile): string => (c.t === 'binary' && c.op === '||' ? `(${f.text(c.s, c.e)})` : f.text(c.s, c.e));
const normalizeAttr = (a: string): string => a.replace(/\.\d+(?=\.|$)/g, '');
const oneLine = (s: string): string => (s.length > MAX_CONDITION ? `${s.slice(0, MAX_CONDITION - 1)}…` : s);

/** Finds CustomizeDiff-driven replacements (ForceNewIfChange, ForceNewIf, <diff>.ForceNew). */
class DiffScanner {
  readonly found: ForceNewIf[] = [];
  readonly unresolved = new Set<string>();
  private readonly visited = new Set<string>();

  scanExpr(x: Expr, f: GoFile, pkg: GoPackage, conds: string[], loops: Map<string, string[]>): void {
    switch (x.t) {
      case 'call': {
        const name = x.fn.t === 'sel' ? x.fn.name : x.fn.t === 'ident' ? x.fn.name : '';
        if (x.fn.t === 'sel' && (name === 'ForceNewIfChange' || name === 'ForceNewIf') && x.args.length >= 2) {
          const desc = this.describe(x.args[1], f, pkg);
          for (const a of this.attrs(x.args[0], f, loops)) this.found.push({ attribute: a, condition: oneLine(`on change, when ${desc}`) + ` (${name}, ${f.where(x.s)})` });
          return;
        }
        if (x.fn.t === 'sel' && name === 'ForceNew' && x.args.length === 1) {
          const when = conds.length > 0 ? `on change, when ${conds.join(' && ')}` : 'on change';
          for (const a of this.attrs(x.args[0], f, loops)) this.found.push({ attribute: a, condition: oneLine(when) + ` (CustomizeDiff ForceNew, ${f.where(x.s)})` });
          return;
        }
        this.scanExpr(x.fn, f, pkg, conds, loops);
        for (const a of x.args) this.scanExpr(a, f, pkg, conds, loops);
        return;
      }
      case 'ident': {
        const decl = pkg.funcs.get(x.name);
        if (decl && !this.visited.has(`${decl.file.path}:${decl.name}`)) {
          this.visited.add(`${decl.file.path}:${decl.name}`);
          this.scanStmts(parseBody(decl.file, decl.bodyStart, decl.bodyEnd), decl.file, pkg, conds, new Map());
        }
        return;
      }
      case 'funclit':
        this.scanStmts(parseBody(f, x.bodyStart, x.bodyEnd), f, pkg, conds, loops);
        return;
      case 'composite':
        for (const e of x.elts) this.scanExpr(e.value, f, pkg, conds, loops);
        return;
      case 'sel':
      case 'paren':
      case 'assert':
      case 'unary':
        this.scanExpr(x.x, f, pkg, conds, loops);
        return;
      case 'index':
        this.scanExpr(x.x, f, pkg, conds, loops);
        if (x.index) this.scanExpr(x.index, f, pkg, conds, loops);
        return;
      case 'binary':
        this.scanExpr(x.l, f, pkg, conds, loops);
        this.scanExpr(x.r, f, pkg, conds, loops);
        return;
      default:
        return;
    }
  }

  scanStmts(stmts: Stmt[], f: GoFile, pkg: GoPackage, conds: string[], loops: Map<string, string[]>): void {
    const lists = new Map(loops);
    for (const st of stmts) {
      switch (st.t) {
        case 'return':
          for (const v of st.values) this.scanExpr(v, f, pkg, conds, lists);
          break;
        case 'expr':
          this.scanExpr(st.x, f, pkg, conds, lists);
          break;
        case 'assign':
          for (const v of st.rhs) this.scanExpr(v, f, pkg, conds, lists);
          st.lhs.forEach((l, i) => {
            const r = st.rhs[i];
            if (l.t === 'ident' && r?.t === 'composite' && r.type === '[]string' && r.elts.every((e) => e.value.t === 'lit' && e.value.kind === 'string')) {
              lists.set(l.name, r.elts.map((e) => (e.value.t === 'lit' ? e.value.value : '')));
            }
          });
          break;
        case 'block':
          this.scanStmts(st.body, f, pkg, conds, lists);
          break;
        case 'if': {
          if (st.init) this.scanStmts([st.init], f, pkg, conds, lists);
          this.scanExpr(st.cond, f, pkg, conds, lists);
          const c = condText(st.cond, f);
          this.scanStmts(st.then, f, pkg, [...conds, c], lists);
          if (st.else) this.scanStmts(st.else, f, pkg, [...conds, `!(${c})`], lists);
          break;
        }
        case 'for': {
          const inner = new Map(lists);
          const r = st.range;
          const list = r?.t === 'ident' ? lists.get(r.name) : undefined;
          const loopVar = st.vars[1];
          if (list && loopVar) inner.set(loopVar, list);
          this.scanStmts(st.body, f, pkg, conds, inner);
          break;
        }
        case 'switch':
          for (const c of st.clauses) this.scanStmts(c.body, f, pkg, [...conds, `${st.header} ${c.label}`], lists);
          break;
        case 'opaque':
          for (let i = st.s; i < st.e; i++) {
            if (f.toks[i].kind === 'ident' && f.toks[i].text === 'ForceNew') {
              this.unresolved.add(`CustomizeDiff: statement at ${f.where(st.s)} mentions ForceNew but was not parsed (${st.why})`);
              break;
            }
          }
          break;
      }
    }
  }

  private attrs(arg: Expr, f: GoFile, loops: Map<string, string[]>): string[] {
    if (arg.t === 'lit' && arg.kind === 'string') return [normalizeAttr(arg.value)];
    if (arg.t === 'ident' && loops.has(arg.name)) return (loops.get(arg.name) as string[]).map(normalizeAttr);
    this.unresolved.add(`CustomizeDiff: replacement of \`${f.text(arg.s, arg.e)}\` at ${f.where(arg.s)}: attribute not resolved`);
    return [];
  }

  /** One line describing when a condition function returns true. */
  private describe(fn: Expr, f: GoFile, pkg: GoPackage): string {
    let body: Stmt[] | undefined;
    let file = f;
    if (fn.t === 'funclit') body = parseBody(f, fn.bodyStart, fn.bodyEnd);
    else if (fn.t === 'ident' && pkg.funcs.has(fn.name)) {
      const d = pkg.funcs.get(fn.name) as FuncDecl;
      file = d.file;
      body = parseBody(d.file, d.bodyStart, d.bodyEnd);
    }
    if (!body) return `${f.text(fn.s, fn.e)} returns true`;
    const returns: { conds: string[]; value: string }[] = [];
    const collect = (stmts: Stmt[], conds: string[]): void => {
      for (const st of stmts) {
        if (st.t === 'return' && st.values[0]) returns.push({ conds, value: file.text(st.values[0].s, st.values[0].e) });
        else if (st.t === 'if') {
          const c = condText(st.cond, file);
          collect(st.then, [...conds, c]);
          if (st.else) collect(st.else, [...conds, `!(${c})`]);
        } else if (st.t === 'block') collect(st.body, conds);
        else if (st.t === 'switch') for (const c of st.clauses) collect(c.body, [...conds, `${st.header} ${c.label}`]);
        else if (st.t === 'for') collect(st.body, conds);
      }
    };
    collect(body, []);
    const parts = returns.filter((r) => r.value !== 'false' || r.conds.length === 0);
    if (parts.length === 1 && parts[0].conds.length === 0) return parts[0].value;
    return parts.map((p) => (p.conds.length > 0 ? `${p.conds.join(' && ')} ? ${p.value}` : `otherwise ${p.value}`)).join('; ');
  }
}

function extract(interp: Interpreter, decl: FuncDecl, result: Val, customizeDiff: { expr?: Expr; method?: FuncDecl; file: GoFile; pkg: GoPackage } | undefined): Omit<Entry, 'source'> {
  const forceNew = new Set<string>();
  const unresolved = new Set<string>(interp.notes);
  const schema = result.k === 'resource' ? result.schema : result;
  if (schema?.k === 'map') walkSchema(schema.m, '', forceNew, unresolved);
  else unresolved.add(`schema of ${decl.name}() not resolved: ${schema?.k === 'unknown' ? schema.why : schema?.k ?? 'missing'}`);
  const scanner = new DiffScanner();
  if (customizeDiff?.expr) scanner.scanExpr(customizeDiff.expr, customizeDiff.file, customizeDiff.pkg, [], new Map());
  if (customizeDiff?.method) {
    const m = customizeDiff.method;
    scanner.scanStmts(parseBody(m.file, m.bodyStart, m.bodyEnd), m.file, m.pkg, [], new Map());
  }
  for (const u of scanner.unresolved) unresolved.add(u);
  const seen = new Set<string>();
  const forceNewIf = scanner.found
    .filter((x) => {
      const key = `${x.attribute}\n${x.condition}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => (a.attribute === b.attribute ? (a.condition < b.condition ? -1 : 1) : a.attribute < b.attribute ? -1 : 1));
  return { forceNew: [...forceNew].sort(), forceNewIf, unresolved: [...unresolved].sort() };
}

// ---------------------------------------------------------------------------------------------------------------
// Locating resource types in the providers

/** Terraform resource types the library imports (deep-path provider modules in lib/**\/*.ts). */
export function importedResourceTypes(root: string): Map<string, Provider> {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const out = new Map<string, Provider>();
  const re = /(?:from\s+|import\s+|require\(\s*|import\(\s*)['"]@cdktf\/provider-(azurerm|kubernetes)\/lib\/([a-z0-9-]+)(?:\/[^'"]*)?['"]/g;
  for (const file of files(join(root, 'lib'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(re)) {
      const provider = m[1] as Provider;
      const mod = m[2];
      if (mod === 'provider' || mod.startsWith('data-')) continue;
      const compiled = join(root, 'node_modules', '@cdktf', `provider-${provider}`, 'lib', mod, 'index.js');
      const declared = existsSync(compiled) ? /\.tfResourceType = "([a-z0-9_]+)"/.exec(readFileSync(compiled, 'utf8'))?.[1] : undefined;
      out.set(declared ?? `${provider}_${mod.replace(/-/g, '_')}`, provider);
    }
  }
  return out;
}

interface Located {
  type: string;
  decl: FuncDecl;
  typed: boolean;
}

function locateAzurerm(repo: GoRepo, types: string[]): { found: Located[]; missing: string[] } {
  const regs = repo.ls('internal/services', true).filter((p) => /^internal\/services\/[^/]+\/registration[^/]*\.go$/.test(p));
  const untyped = new Map<string, { dir: string; fn: string }>();
  const typedStructs = new Map<string, Set<string>>();
  for (const [path, src] of repo.showAll(regs)) {
    const f = new GoFile(path, src);
    const dir = dirname(path);
    const T = f.toks;
    for (let i = 0; i < T.length - 3; i++) {
      if (!(T[i].text === 'func' && T[i + 1]?.text === '(')) continue;
      const nameAt = f.match[i + 1] + 1;
      const name = T[nameAt]?.text;
      if (name !== 'SupportedResources' && name !== 'Resources') continue;
      let open = nameAt + 1;
      while (open < T.length && T[open].text !== '{') open = T[open].text === '(' || T[open].text === '[' ? f.match[open] + 1 : open + 1;
      const close = f.match[open];
      for (let j = open + 1; j < close - 2; j++) {
        if (name === 'SupportedResources' && T[j].kind === 'string' && T[j + 1].text === ':' && T[j + 2].kind === 'ident' && T[j + 3]?.text === '(') {
          untyped.set(T[j].value as string, { dir, fn: T[j + 2].text });
        }
        if (name === 'Resources' && T[j].kind === 'ident' && T[j + 1].text === '{' && T[j + 2].text === '}' && !KEYWORDS.has(T[j].text)) {
          const set = typedStructs.get(dir) ?? new Set<string>();
          set.add(T[j].text);
          typedStructs.set(dir, set);
        }
      }
      i = close;
    }
  }
  const found: Located[] = [];
  const missing: string[] = [];
  for (const type of types) {
    const u = untyped.get(type);
    if (u) {
      const decl = repo.package(u.dir)?.funcs.get(u.fn);
      if (decl) found.push({ type, decl, typed: false });
      else missing.push(`${type}: registered as ${u.fn}() in ${u.dir}, but the function was not found`);
      continue;
    }
    // typed resources: a registered struct whose ResourceType() returns the type
    let grep: string;
    try {
      grep = repo.git(['grep', '-l', '-F', '-e', `return "${type}"`, repo.tag, '--', 'internal/services']).toString('utf8');
    } catch {
      grep = '';
    }
    const dirs = [...new Set(grep.split('\n').filter(Boolean).map((l) => dirname(l.slice(repo.tag.length + 1))))];
    let hit: Located | undefined;
    for (const dir of dirs) {
      const pkg = repo.package(dir);
      for (const struct of typedStructs.get(dir) ?? []) {
        const rt = pkg?.methods.get(`${struct}.ResourceType`);
        if (!rt) continue;
        const body = parseBody(rt.file, rt.bodyStart, rt.bodyEnd);
        const ret = body.find((s) => s.t === 'return');
        const value = ret?.t === 'return' ? ret.values[0] : undefined;
        if (value?.t === 'lit' && value.value === type) {
          const args = pkg?.methods.get(`${struct}.Arguments`);
          if (args) hit = { type, decl: args, typed: true };
        }
      }
    }
    if (hit) found.push(hit);
    else missing.push(`${type}: not registered as an SDKv2 resource (untyped SupportedResources() or typed Resources()) in internal/services/*/registration*.go`);
  }
  return { found, missing };
}

function locateKubernetes(repo: GoRepo, types: string[]): { found: Located[]; missing: string[] } {
  const pkg = repo.package('kubernetes');
  if (!pkg) throw new Error(`${repo.dir}@${repo.tag}: no kubernetes/ package`);
  const provider = pkg.funcs.get('Provider');
  if (!provider) throw new Error(`${repo.dir}@${repo.tag}: no Provider() in kubernetes/`);
  const f = provider.file;
  const T = f.toks;
  const registered = new Map<string, string>();
  for (let i = provider.bodyStart; i < provider.bodyEnd; i++) {
    if (!(T[i].text === 'ResourcesMap' && T[i + 1]?.text === ':')) continue;
    let open = i + 2;
    while (T[open].text !== '{') open++;
    for (let j = open + 1; j < f.match[open]; j++) {
      if (T[j].kind === 'string' && T[j + 1].text === ':' && T[j + 2].kind === 'ident' && T[j + 3]?.text === '(') registered.set(T[j].value as string, T[j + 2].text);
    }
  }
  const found: Located[] = [];
  const missing: string[] = [];
  for (const type of types) {
    const fn = registered.get(type);
    const decl = fn ? pkg.funcs.get(fn) : undefined;
    if (decl) found.push({ type, decl, typed: false });
    else missing.push(`${type}: ${fn ? `${fn}() not found in kubernetes/` : 'not in Provider().ResourcesMap of kubernetes/provider.go'}`);
  }
  return { found, missing };
}

function extractLocated(interp: Interpreter, l: Located): Entry {
  interp.notes = new Set();
  const d = l.decl;
  if (l.typed) {
    const recv: Val = { k: 'recv', type: d.recvType as string };
    const result = interp.callFunc(d, [], 0, recv);
    const cd = d.pkg.methods.get(`${d.recvType}.CustomizeDiff`);
    return { source: d.file.path, ...extract(interp, d, result, cd ? { method: cd, file: cd.file, pkg: cd.pkg } : undefined) };
  }
  const result = interp.callFunc(d, [], 0);
  const cd = result.k === 'resource' ? result.customizeDiff : undefined;
  return { source: d.file.path, ...extract(interp, d, result, cd) };
}

// ---------------------------------------------------------------------------------------------------------------
// Main

/** The nearest directory with package.json and lib/ above the script (dist/scripts/ or scripts/), else above the cwd. */
function projectRoot(): string {
  for (const from of [__dirname, process.cwd()]) {
    for (let dir = from; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lib'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`no project root (package.json + lib/) above ${__dirname} or ${process.cwd()}`);
}

function parseArgs(argv: string[]): Record<Provider, string> {
  const out = { ...DEFAULT_MIRRORS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if ((flag === '--azurerm' || flag === '--kubernetes') && argv[i + 1]) out[flag.slice(2) as Provider] = argv[++i];
    else throw new Error(`usage: extract-replace-forcing [--azurerm <mirror dir>] [--kubernetes <mirror dir>] (unexpected ${flag})`);
  }
  return out;
}

function main(): void {
  const mirrors = parseArgs(process.argv.slice(2));
  const root = projectRoot();
  const types = importedResourceTypes(root);
  const byProvider = (p: Provider): string[] => [...types].filter(([, v]) => v === p).map(([k]) => k).sort();

  const azurerm = new GoRepo(mirrors.azurerm, AZURERM_TAG);
  const kubernetes = new GoRepo(mirrors.kubernetes, KUBERNETES_TAG);
  const a = locateAzurerm(azurerm, byProvider('azurerm'));
  const k = locateKubernetes(kubernetes, byProvider('kubernetes').filter((type) => !(type in HAND_READ)));
  const missing = [...a.missing, ...k.missing];
  if (missing.length > 0) {
    process.stderr.write(`extract-replace-forcing: cannot locate the schema of ${missing.length} resource type(s):\n${missing.map((m) => `  ${m}\n`).join('')}`);
    process.exit(1);
  }

  const interp = new Interpreter();
  const entries = new Map<string, Entry>();
  for (const l of [...a.found, ...k.found]) entries.set(l.type, extractLocated(interp, l));
  for (const [type, entry] of Object.entries(HAND_READ)) if (types.has(type)) entries.set(type, entry);

  const resources: Record<string, Entry> = {};
  for (const type of [...entries.keys()].sort()) resources[type] = entries.get(type) as Entry;
  const data = { generatedBy: GENERATED_BY, providers: { azurerm: AZURERM_TAG, kubernetes: KUBERNETES_TAG }, resources };
  writeFileSync(join(root, OUTPUT), `${JSON.stringify(data, null, 2)}\n`);

  const all = Object.values(resources);
  const count = (f: (e: Entry) => number): number => all.reduce((n, e) => n + f(e), 0);
  process.stdout.write(
    `${OUTPUT}: ${all.length} resource types, ${count((e) => e.forceNew.length)} ForceNew attributes, ` +
      `${count((e) => e.forceNewIf.length)} CustomizeDiff replacements, ${count((e) => e.unresolved.length)} unresolved\n`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`extract-replace-forcing: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

/**
 * The token ranges of the specs of an `import` or `var` declaration starting at token `i` (one spec, or a
 * parenthesised group), and the token index after the declaration.
 */
function declarationSpecs(f: GoFile, i: number): [[number, number][], number] {
  const T = f.toks;
  const specs: [number, number][] = [];
  if (T[i + 1]?.text === '(') {
    const close = f.match[i + 1];
    let s = i + 2;
    while (s < close) {
      const e = f.skipToSemi(s, close);
      if (e > s) specs.push([s, e]);
      s = e + 1;
    }
    return [specs, close + 1];
  }
  const e = f.skipToSemi(i + 1, T.length);
  specs.push([i + 1, e]);
  return [specs, e];
}

/**
 * `npm run build` (and so `npm pack`): compiles the library, src/ to a fresh dist/, as tsconfig.build.json
 * says: JavaScript and declarations. TypeScript rewrites the `.ts` extensions of relative imports in the
 * JavaScript but not in the declarations (microsoft/TypeScript#61037); a transformer does it there, so both
 * import `./x.js`, as every tool expects of a published package.
 */
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const configFile = fileURLToPath(
  new URL('../tsconfig.build.json', import.meta.url),
)
const host: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: ts.sys.getCurrentDirectory,
  getNewLine: () => ts.sys.newLine,
}

function fail(diagnostics: readonly ts.Diagnostic[]): never {
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host))
  process.exit(1)
}

/** `./errors.ts` becomes `./errors.js`; bare specifiers and `.d.ts` are left alone. */
function jsSpecifier(text: string): string {
  return /^\.\.?\//.test(text) && /(?<!\.d)\.ts$/.test(text)
    ? text.replace(/\.ts$/, '.js')
    : text
}

const jsExtensionsInDeclarations: ts.TransformerFactory<
  ts.SourceFile | ts.Bundle
> = (context) => {
  const { factory } = context
  const rewrite = <E extends ts.Expression | undefined>(specifier: E) =>
    (specifier && ts.isStringLiteral(specifier)
      ? factory.createStringLiteral(jsSpecifier(specifier.text), true)
      : specifier) as E
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isImportDeclaration(node))
      return factory.updateImportDeclaration(
        node,
        node.modifiers,
        node.importClause,
        rewrite(node.moduleSpecifier),
        node.attributes,
      )
    if (ts.isExportDeclaration(node))
      return factory.updateExportDeclaration(
        node,
        node.modifiers,
        node.isTypeOnly,
        node.exportClause,
        rewrite(node.moduleSpecifier),
        node.attributes,
      )
    // `import('./x.ts').Type`, for a type the module does not import. (Synthesized nodes have no parent.)
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      return ts.visitEachChild(
        factory.updateImportTypeNode(
          node,
          factory.updateLiteralTypeNode(
            node.argument,
            rewrite(node.argument.literal),
          ),
          node.attributes,
          node.qualifier,
          node.typeArguments,
          node.isTypeOf,
        ),
        visit,
        context,
      )
    return ts.visitEachChild(node, visit, context)
  }
  return (root) => ts.visitNode(root, visit) as ts.SourceFile | ts.Bundle
}

const config = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => fail([diagnostic]),
})!
if (config.errors.length > 0) fail(config.errors)
rmSync(config.options.outDir!, { recursive: true, force: true })
const program = ts.createProgram(config.fileNames, config.options)
const emitted = program.emit(undefined, undefined, undefined, false, {
  afterDeclarations: [jsExtensionsInDeclarations],
})
const diagnostics = [
  ...ts.getPreEmitDiagnostics(program),
  ...emitted.diagnostics,
]
if (diagnostics.length > 0 || emitted.emitSkipped) fail(diagnostics)

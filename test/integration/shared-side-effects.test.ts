import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Statements that only declare: leaving an unused module out of a bundle changes nothing. */
const declares = (statement: ts.Statement) =>
  ts.isImportDeclaration(statement) ||
  ts.isExportDeclaration(statement) ||
  ts.isExportAssignment(statement) ||
  ts.isVariableStatement(statement) ||
  ts.isFunctionDeclaration(statement) ||
  ts.isClassDeclaration(statement) ||
  ts.isInterfaceDeclaration(statement) ||
  ts.isTypeAliasDeclaration(statement) ||
  ts.isEnumDeclaration(statement) ||
  ts.isModuleDeclaration(statement) ||
  ts.isEmptyStatement(statement);

// pwa/vite.config.ts builds with shared/ marked free of import-time effects, so that a page that
// imports one function from a barrel does not load every module behind it (docs/pwa.md, "Speed").
// That holds only while no shared module runs a statement when imported.
describe('shared/ modules run nothing when imported', () => {
  it('has only declarations at the top level of every module', () => {
    const files = globSync('shared/**/*.ts', { cwd: root }).filter(
      (file) => !/\.(test|bench)\.ts$/.test(file),
    );
    expect(files.length).toBeGreaterThan(100);
    const running = files.flatMap((file) => {
      const source = ts.createSourceFile(
        file,
        readFileSync(join(root, file), 'utf8'),
        ts.ScriptTarget.Latest,
      );
      return source.statements
        .filter((statement) => !declares(statement))
        .map(
          (statement) => `${file}:${source.getLineAndCharacterOfPosition(statement.pos).line + 1}`,
        );
    });
    expect(running).toEqual([]);
  });
});

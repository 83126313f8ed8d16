import { answersOf, missingClauses, type AimsEntry } from '../../../shared/documents/aims/index.ts';
import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import { VendorFacts } from '../vendor-facts/VendorFacts.tsx';

interface Props {
  supplier: AimsEntry;
  questions: readonly AimsEntry[];
  answers: readonly AimsEntry[];
}

/**
 * Under a supplier file's fields: the contract clauses not shown present, the questionnaire with
 * this supplier's answers, and, for a catalog tool, the catalog's vendor facts read live through
 * vendorFactsOf (each with its source and the day it was read), so a catalog update shows here.
 */
export function SupplierDetails({ supplier, questions, answers }: Props) {
  const missing = missingClauses(supplier.values);
  const answered = answersOf(answers, supplier.id);
  const toolId = typeof supplier.values.toolId === 'string' ? supplier.values.toolId : undefined;
  return (
    <div className="supplier-details">
      <p>
        {missing.length === 0
          ? 'Every contract clause is present.'
          : `Contract clauses not shown present: ${missing.join(', ')}.`}
      </p>
      {questions.length > 0 && (
        <>
          <h4>Questionnaire</h4>
          <dl>
            {questions.map((question) => (
              <div key={question.id}>
                <dt>{String(question.values.title)}</dt>
                <dd>{String(answered.get(question.id)?.values.answer ?? 'Not answered')}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {toolId !== undefined && (
        <>
          <p className="muted small">
            Catalog tool: {builtInCatalog().find((tool) => tool.id === toolId)?.name ?? toolId}.
            What the vendor says is read from the catalog as it is now.
          </p>
          <VendorFacts toolKeys={[toolId]} level={3} />
        </>
      )}
    </div>
  );
}

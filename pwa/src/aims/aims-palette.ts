import { AIMS_REGISTERS } from '../../../shared/documents/aims/index.ts';
import type { PaletteCommand } from '../palette/palette-commands.ts';

/** One palette entry per management-system register: `#/aims/<register id>`. */
export function aimsPaletteCommands(navigate: (hash: string) => void): PaletteCommand[] {
  return AIMS_REGISTERS.map((register) => ({
    id: `go.aims.${register.id}`,
    group: 'Management system',
    label: `${register.title} (${register.clause})`,
    keywords: ['AIMS', 'management system', 'ISO 42001', `clause ${register.clause}`],
    run: () => navigate(`#/aims/${register.id}`),
  }));
}

// x0..x31 with ABI names; the registers the last step changed are highlighted.
import { REG_NAMES } from '../../engine/guest/isa/registerNames';
import type { GuestProgramView } from '../../engine/views/frameTypes';

const hex = (v: number) => '0x' + v.toString(16).padStart(8, '0');

export function RegistersPanel({ program }: { program: GuestProgramView }) {
  return (
    <section className="panel registers" aria-label="Registers">
      <h2>Registers</h2>
      <table className="reg-table">
        <tbody>
          {Array.from(program.registers, (v, r) => (
            <tr
              key={r}
              className={program.changed.includes(r) ? 'changed' : ''}
              data-testid="register"
              data-reg={r}
              data-value={v}
            >
              <th scope="row" title={`x${r}: AS1 cells ${4 * r}..${4 * r + 3}`}>
                x{r} <span className="muted">{REG_NAMES[r]}</span>
              </th>
              <td className="mono">{hex(v)}</td>
              <td className="mono muted">{v | 0}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">pc</th>
            <td className="mono" data-testid="pc">
              {hex(program.pc)}
            </td>
            <td className="muted">{program.where ?? ''}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

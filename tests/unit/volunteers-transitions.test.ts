import { describe, expect, it } from 'vitest';
import { checkMove, movesFrom, nextMove, type StageState } from '../../src/domain/volunteers/transitions';

const open = (stage: StageState['stage']): StageState => ({ stage, status: 'open' });

describe('the six-step file: which moves are allowed', () => {
  it('walks forward one stage at a time and closes at 评价', () => {
    const path: string[] = [];
    let at: StageState | null = open('collect');
    while (at) {
      path.push(`${at.stage}/${at.status}`);
      at = nextMove(at);
    }
    expect(path).toEqual(['collect/open', 'deliberate/open', 'coordinate/open', 'execute/open', 'publish/open', 'rate/open', 'rate/closed']);
  });

  it('offers forward first, then the step back; nothing once closed', () => {
    expect(movesFrom(open('collect'))).toEqual([{ kind: 'forward', stage: 'deliberate', status: 'open' }]);
    expect(movesFrom(open('deliberate')).map((m) => `${m.kind}:${m.stage}`)).toEqual(['forward:coordinate', 'back:collect']);
    expect(movesFrom(open('rate')).map((m) => `${m.kind}:${m.stage}/${m.status}`)).toEqual(['close:rate/closed', 'back:execute/open']);
    expect(movesFrom({ stage: 'rate', status: 'closed' })).toEqual([]);
  });

  it('accepts the next stage and closing at 评价', () => {
    expect(checkMove(open('collect'), { stage: 'deliberate' })).toEqual({ ok: true, move: { kind: 'forward', stage: 'deliberate', status: 'open' } });
    expect(checkMove(open('rate'), { stage: 'rate', status: 'closed' })).toMatchObject({ ok: true, move: { kind: 'close' } });
  });

  it('refuses skipping, standing still, closing early and moving a closed file', () => {
    expect(checkMove(open('collect'), { stage: 'coordinate' })).toMatchObject({ ok: false, refusal: 'skip' });
    expect(checkMove(open('execute'), { stage: 'execute' })).toMatchObject({ ok: false, refusal: 'same' });
    expect(checkMove(open('publish'), { stage: 'publish', status: 'closed' })).toMatchObject({ ok: false, refusal: 'closeAtRate' });
    expect(checkMove({ stage: 'rate', status: 'closed' }, { stage: 'rate' })).toMatchObject({ ok: false, refusal: 'closed' });
    expect(checkMove({ stage: 'rate', status: 'closed' }, { stage: 'execute' }, 'again')).toMatchObject({ ok: false, refusal: 'closed' });
  });

  it('allows the defined steps back, each with a note', () => {
    expect(checkMove(open('deliberate'), { stage: 'collect' })).toMatchObject({ ok: false, refusal: 'noteRequired' });
    expect(checkMove(open('deliberate'), { stage: 'collect' }, '  ')).toMatchObject({ ok: false, refusal: 'noteRequired' });
    expect(checkMove(open('deliberate'), { stage: 'collect' }, '需补充现场照片')).toMatchObject({ ok: true, move: { kind: 'back', stage: 'collect' } });
    expect(checkMove(open('rate'), { stage: 'execute' }, '居民不满意，返工')).toMatchObject({ ok: true, move: { kind: 'back', stage: 'execute' } });
    expect(checkMove(open('rate'), { stage: 'publish' }, 'x')).toMatchObject({ ok: false, refusal: 'back' });
    expect(checkMove(open('execute'), { stage: 'collect' }, 'x')).toMatchObject({ ok: false, refusal: 'back' });
    expect(checkMove(open('collect'), { stage: 'collect', status: 'closed' })).toMatchObject({ ok: false, refusal: 'closeAtRate' });
  });
});

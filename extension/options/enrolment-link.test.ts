import { describe, expect, it } from 'vitest';
import { parseEnrolment, relayOrigin } from './enrolment-link.ts';

describe('parseEnrolment', () => {
  it('reads the code and takes the relay from the link’s origin', () => {
    expect(parseEnrolment('  https://relay.acme.com/#/enrol?code=abc.def-1 ', '')).toEqual({
      code: 'abc.def-1',
      relayUrl: 'https://relay.acme.com',
    });
    expect(parseEnrolment('http://localhost:8787/#/enrol?code=xyz', 'https://ignored')).toEqual({
      code: 'xyz',
      relayUrl: 'http://localhost:8787',
    });
  });

  it('takes a bare code with the relay address typed beside it', () => {
    expect(parseEnrolment('eyJhbGc.x.y', 'relay.acme.com/')).toEqual({
      code: 'eyJhbGc.x.y',
      relayUrl: 'https://relay.acme.com',
    });
  });

  it('explains what is missing or wrong', () => {
    expect(parseEnrolment('', '')).toHaveProperty('error');
    expect(parseEnrolment('abc', '')).toHaveProperty('error');
    expect(parseEnrolment('https://relay.acme.com/#/enrol', '')).toHaveProperty('error');
    expect(parseEnrolment('two words', 'https://r.example')).toHaveProperty('error');
    expect(parseEnrolment('http://relay.acme.com/#/enrol?code=a', '')).toHaveProperty('error');
  });
});

describe('relayOrigin', () => {
  it('keeps https anywhere and http on this computer only', () => {
    expect(relayOrigin('https://r.example:8443/path')).toEqual({ url: 'https://r.example:8443' });
    expect(relayOrigin('http://127.0.0.1:8787')).toEqual({ url: 'http://127.0.0.1:8787' });
    expect(relayOrigin('http://r.example')).toHaveProperty('error');
    expect(relayOrigin('ftp://r.example')).toHaveProperty('error');
  });
});

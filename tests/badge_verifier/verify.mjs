// Verifies an Open Badges 3.0 credential with Digital Bazaar's implementation, offline.
//
//   node verify.mjs < input.json
//
// input.json: {"credential": {...}, "documents": {"<url>": <document>, ...}}. The documents are
// what the issuer's site serves (its profile); the JSON-LD contexts come from the published
// copies in node_modules and from ../standards/. Nothing is fetched from the network: an unknown
// URL is an error. Prints {"verified": bool, "errors": [...]} and exits 0 only if verified.
import {readFileSync} from 'node:fs';
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import securityContext from '@digitalbazaar/security-context';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';

const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const here = new URL('.', import.meta.url);

const known = new Map([
  ...credentialsContexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...securityContext.contexts,
  [OB_CONTEXT, JSON.parse(readFileSync(new URL('../standards/ob-3.0/context-3.0.3.json', here)))],
]);

const input = JSON.parse(readFileSync(0, 'utf8'));
for(const [url, document] of Object.entries(input.documents || {})) {
  known.set(url, document);
}

async function documentLoader(url) {
  if(known.has(url)) {
    return {contextUrl: null, documentUrl: url, document: known.get(url)};
  }
  // A fragment names a node of the document at the address before it (a verification method
  // in the issuer's profile), as an HTTP client dereferencing the URL would find it.
  const [address, fragment] = url.split('#');
  if(fragment && known.has(address)) {
    const document = known.get(address);
    const node = (document.verificationMethod || []).find(method => method.id === url);
    if(node) {
      const withContext = {'@context': document['@context'], ...node};
      return {contextUrl: null, documentUrl: url, document: withContext};
    }
  }
  throw new Error(`Not available offline: ${url}`);
}

const suite = new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()});
let result;
try {
  result = await vc.verifyCredential({credential: input.credential, suite, documentLoader});
} catch(error) {
  result = {verified: false, error};
}
const errors = [];
const collect = error => {
  if(!error) {
    return;
  }
  if(Array.isArray(error)) {
    error.forEach(collect);
    return;
  }
  errors.push(String(error.message || error));
  collect(error.errors);
};
collect(result.error);
for(const proofResult of result.results || []) {
  collect(proofResult.error);
}
process.stdout.write(JSON.stringify({verified: Boolean(result.verified), errors}) + '\n');
process.exit(result.verified ? 0 : 1);

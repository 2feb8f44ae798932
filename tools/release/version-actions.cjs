// nx release version actions: @nx/js's npm behaviour for every project, plus, for a project whose
// root holds openapi.yaml (the spec package), the new version written into the spec's info.version,
// so the document and its package never disagree and nobody edits either by hand.
// CommonJS because nx loads version actions with require().
'use strict';
const { join } = require('node:path');
const { parseDocument } = require('yaml');
const jsActions = require('@nx/js/src/release/version-actions');

const JsVersionActions = jsActions.default;

/** Replace the scalar at info.version in place, keeping every other byte (comments, folding, quotes). */
function stampInfoVersion(source, newVersion, file) {
  const doc = parseDocument(source, { keepSourceTokens: true });
  const node = doc.getIn(['info', 'version'], true);
  if (!node || !Array.isArray(node.range)) throw new Error(`${file} has no info.version to stamp`);
  const [start, end] = node.range;
  return source.slice(0, start) + newVersion + source.slice(end);
}

class SpecVersionActions extends JsVersionActions {
  async updateProjectVersion(tree, newVersion) {
    const logs = await super.updateProjectVersion(tree, newVersion);
    const specPath = join(this.projectGraphNode.data.root, 'openapi.yaml');
    if (tree.exists(specPath)) {
      tree.write(specPath, stampInfoVersion(tree.read(specPath, 'utf-8'), newVersion, specPath));
      logs.push(`✍️  New version ${newVersion} written to info.version of ${specPath}`);
    }
    return logs;
  }
}

module.exports = SpecVersionActions;
module.exports.default = SpecVersionActions;
module.exports.afterAllProjectsVersioned = jsActions.afterAllProjectsVersioned;
module.exports.stampInfoVersion = stampInfoVersion;

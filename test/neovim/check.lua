-- Attaches the stdio language server to the page given on the command line (Neovim 0.7+)
-- and writes what it received to $JFA_NVIM_OUT as JSON.
local server = os.getenv('JFA_SERVER')
local root = os.getenv('JFA_ROOT')
local out = os.getenv('JFA_NVIM_OUT')
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'jobfamily',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'handbook' } },
})
vim.lsp.buf_attach_client(buf, client_id)
local ok = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
local result = { attached = ok, diagnostics = {}, completion = {} }
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(result.diagnostics, { line = d.lnum, col = d.col, code = code, message = d.message })
end
local responses = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = 0, character = 0 },
}, 10000)
for _, r in pairs(responses or {}) do
  local items = r.result and (r.result.items or r.result) or {}
  for _, item in ipairs(items) do table.insert(result.completion, item.label) end
end
local f = io.open(out, 'w')
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qall!')

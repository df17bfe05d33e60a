-- Test harness, run with `-c 'luafile harness.lua'` after Neovim started with the README's
-- setup block as its init.lua and a job-family page as its file. Waits for the codes in
-- $JFA_WAIT_FOR on that page, asks for completions, opens $JFA_SECOND_PAGE to see that it
-- joins the same server, and writes what it saw to $JFA_OUT as JSON.
local wait_for = vim.split(os.getenv('JFA_WAIT_FOR') or '', ' ', { trimempty = true })

local function codes(buf)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code then seen[code] = true end
  end
  return seen
end

local function arrived(buf)
  local seen = codes(buf)
  for _, c in ipairs(wait_for) do
    if not seen[c] then return false end
  end
  return #vim.diagnostic.get(buf) > 0
end

local function report(buf)
  local r = { name = vim.api.nvim_buf_get_name(buf), filetype = vim.bo[buf].filetype, clients = {}, diagnostics = {} }
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
    table.insert(r.clients, { id = c.id, name = c.name, root_dir = c.config.root_dir })
  end
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(r.diagnostics, { line = d.lnum, col = d.col, code = code or vim.NIL, message = d.message })
  end
  return r
end

local result = { version = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch }

local first = vim.api.nvim_get_current_buf()
result.first_arrived = vim.wait(20000, function() return arrived(first) end, 50)
result.first = report(first)

result.completion = {}
local responses = vim.lsp.buf_request_sync(first, 'textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(first) },
  position = { line = 0, character = 0 },
}, 10000)
for _, r in pairs(responses or {}) do
  local items = r.result and (r.result.items or r.result) or {}
  for _, item in ipairs(items) do table.insert(result.completion, item.label) end
end

vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('JFA_SECOND_PAGE')))
local second = vim.api.nvim_get_current_buf()
result.second_arrived = vim.wait(20000, function() return #vim.diagnostic.get(second) > 0 end, 50)
result.second = report(second)

result.active_clients = {}
for _, c in pairs(vim.lsp.get_active_clients()) do table.insert(result.active_clients, c.name) end

local f = assert(io.open(os.getenv('JFA_OUT'), 'w'))
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qall!')

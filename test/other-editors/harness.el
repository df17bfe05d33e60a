;;; harness.el --- test harness for the README's eglot setup  -*- lexical-binding: t -*-
;;
;; emacs --batch -l harness.el PAGE
;;
;; Does in batch what an interactive Emacs does on start and on opening PAGE: activates the
;; installed packages, loads ~/.emacs.d/init.el (the README block), visits PAGE and runs
;; post-command-hook once, as the command loop would after the command that opened it (that
;; is when `eglot-ensure' connects). Then waits for flymake to hold the codes in
;; $JFA_WAIT_FOR and prints one line per diagnostic:
;;   DIAG <line> <column> <code> <flymake text>     (1-based line, 0-based column)
;; and the server's project root as ROOT <dir>.

(require 'cl-lib)
(package-initialize)
(load (locate-user-emacs-file "init.el") nil t)

(let ((page (expand-file-name (car command-line-args-left))))
  (setq command-line-args-left nil)
  (find-file page)
  (princ (format "MODE %s\n" major-mode))
  (run-hooks 'post-command-hook)
  (let ((wanted (split-string (or (getenv "JFA_WAIT_FOR") "")))
        (deadline (+ (float-time) 20)))
    (cl-flet ((codes ()
                (mapcar (lambda (d)
                          (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)) :code))
                        (flymake-diagnostics))))
      (while (and (< (float-time) deadline)
                  (not (and (flymake-diagnostics)
                            (cl-every (lambda (c) (member c (codes))) wanted))))
        (accept-process-output nil 0.1))))
  (let ((server (and (fboundp 'eglot-current-server) (eglot-current-server))))
    (princ (format "ROOT %s\n" (if server (project-root (eglot--project server)) "none"))))
  (dolist (d (sort (flymake-diagnostics)
                   (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
    (let ((lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)))
          (beg (flymake-diagnostic-beg d)))
      (princ (format "DIAG %d %d %s %s\n"
                     (line-number-at-pos beg)
                     (save-excursion (goto-char beg) (current-column))
                     (or (plist-get lsp :code) "-")
                     (flymake-diagnostic-text d))))))
(kill-emacs 0)

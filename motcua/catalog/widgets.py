"""A <select> written in Python, for the catalogue's filters.

Django renders every <option> through a template: the 140 fields of the national catalogue cost about 10 ms a
page, more than the search itself. The markup is Django's select.html without its whitespace: the same attributes,
`selected` on the chosen value. Flat choices only (these filters have no groups).
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        parts = [f'<select name="{escape(name)}"{flatatt(self.build_attrs(self.attrs, attrs))}>']
        for key, label in self.choices:
            key = "" if key is None else str(key)
            selected = " selected" if key in chosen else ""
            parts.append(f'<option value="{escape(key)}"{selected}>{escape(label)}</option>')
            chosen.discard(key)  # like Django: only the first option of a value is selected
        parts.append("</select>")
        return mark_safe("".join(parts))  # every value and label above is escaped

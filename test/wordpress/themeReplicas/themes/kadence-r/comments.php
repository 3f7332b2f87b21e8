<?php kit_default_comments();
